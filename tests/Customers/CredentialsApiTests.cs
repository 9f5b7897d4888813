using System.Net;
using System.Net.Http.Json;
using Wallet.Tests.Infrastructure;
using static Wallet.Tests.Infrastructure.ApiCustomer;

namespace Wallet.Tests.Customers;

/// <summary>Brute force meets its locks over HTTP, and the reset flows (SMS code plus identity number) lift them.</summary>
[Collection(ApiCollection.Name)]
public sealed class CredentialsApiTests(ApiFixture api)
{
    private const string NewPassword = "a new Passw0rd!";

    [Fact]
    public async Task Five_wrong_passwords_lock_sign_in_with_429_and_a_password_reset_lifts_it()
    {
        var alice = await Verified();
        var http = api.CreateClient();
        for (var i = 0; i < 4; i++)
        {
            await Problem(await SignIn(http, alice.Phone, "wrong password"), HttpStatusCode.Unauthorized, "invalid_credentials");
        }
        var locked = await SignIn(http, alice.Phone, "wrong password");
        var lockProblem = await Problem(locked, HttpStatusCode.TooManyRequests, "login_locked");
        Assert.InRange(locked.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 900);
        Assert.InRange(lockProblem.GetProperty("lockedUntil").GetDateTimeOffset(), DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddMinutes(16));
        await Problem(await SignIn(http, alice.Phone, TestData.Password), HttpStatusCode.TooManyRequests, "login_locked");

        Assert.Equal(HttpStatusCode.Accepted, (await http.PostAsJsonAsync("/v1/auth/password-reset-codes", new { phone = alice.Phone })).StatusCode);
        var code = await alice.LatestSmsCode();
        Assert.Equal(HttpStatusCode.NoContent, (await http.PostAsJsonAsync("/v1/auth/password-reset",
            new { phone = alice.Phone, code, idNumber = alice.IdNumber, newPassword = NewPassword })).StatusCode);

        await Json(await SignIn(http, alice.Phone, NewPassword), HttpStatusCode.OK);
        await Problem(await SignIn(http, alice.Phone, TestData.Password), HttpStatusCode.Unauthorized, "invalid_credentials");
    }

    [Fact]
    public async Task Five_wrong_pins_lock_payments_with_423_and_a_pin_reset_lifts_it()
    {
        var alice = await Verified();
        var bob = await Register(api);
        var from = await alice.Customer.FundedWallet(10_000);
        var to = await bob.OpenWallet();
        for (var i = 0; i < 4; i++)
        {
            await Problem(await alice.Customer.Post("/v1/transfers", alice.Customer.TransferBody(from, to, 100, pin: "000000"), $"wrong-{i}"), HttpStatusCode.Forbidden, "invalid_pin");
        }
        var pinLock = await Problem(await alice.Customer.Post("/v1/transfers", alice.Customer.TransferBody(from, to, 100, pin: "000000"), "wrong-5"), (HttpStatusCode)423, "pin_locked");
        Assert.Equal(0, pinLock.GetProperty("remainingAttempts").GetInt32());
        Assert.True(pinLock.GetProperty("lockedUntil").GetDateTimeOffset() > DateTimeOffset.UtcNow, "the lock says when it ends");
        await Problem(await alice.Customer.Post("/v1/transfers", alice.Customer.TransferBody(from, to, 100), "right"), (HttpStatusCode)423, "pin_locked");

        Assert.Equal(HttpStatusCode.Accepted, (await alice.Customer.Post("/v1/me/payment-pin/reset-codes", new { })).StatusCode);
        var code = await alice.Customer.LatestSmsCode();
        Assert.Equal(HttpStatusCode.NoContent, (await alice.Customer.Post("/v1/me/payment-pin/reset", new { code, idNumber = alice.IdNumber, pin = "975310" })).StatusCode);

        await Json(await alice.Customer.Post("/v1/transfers", alice.Customer.TransferBody(from, to, 100, pin: "975310"), "after-reset"), HttpStatusCode.Created);
        Assert.Equal((9_900L, 100L), (await alice.Customer.Balance(from), await bob.Balance(to)));
        await Books.AssertBalanced(api, from, to);
    }

    [Fact]
    public async Task A_reset_needs_the_right_code_for_its_purpose_and_the_identity_number_and_dies_after_five_wrong_tries()
    {
        var alice = await Verified();
        var http = api.CreateClient();
        await alice.Customer.Post("/v1/me/payment-pin/reset-codes", new { });
        var pinCode = await alice.Customer.LatestSmsCode();
        object Reset(string code, string idNumber) => new { phone = alice.Phone, code, idNumber, newPassword = NewPassword };

        // A PIN reset code does not reset the password.
        await Problem(await http.PostAsJsonAsync("/v1/auth/password-reset", Reset(pinCode, alice.IdNumber)), HttpStatusCode.UnprocessableEntity, "invalid_verification_code");
        await http.PostAsJsonAsync("/v1/auth/password-reset-codes", new { phone = alice.Phone });
        var code = await alice.Customer.LatestSmsCode();
        await Problem(await http.PostAsJsonAsync("/v1/auth/password-reset", new { phone = alice.Phone, code, newPassword = NewPassword }), HttpStatusCode.UnprocessableEntity, "id_number_mismatch");
        await Problem(await http.PostAsJsonAsync("/v1/auth/password-reset", Reset(code, TestData.IdNumber())), HttpStatusCode.UnprocessableEntity, "id_number_mismatch");
        await Problem(await http.PostAsJsonAsync("/v1/auth/password-reset", Reset(code == "000000" ? "000001" : "000000", alice.IdNumber)), HttpStatusCode.UnprocessableEntity, "invalid_verification_code");
        await Problem(await http.PostAsJsonAsync("/v1/auth/password-reset", Reset("12345", alice.IdNumber)), HttpStatusCode.BadRequest, "validation_failed");
        await Problem(await http.PostAsJsonAsync("/v1/auth/password-reset", Reset(code == "000000" ? "000001" : "000000", alice.IdNumber)), HttpStatusCode.UnprocessableEntity, "invalid_verification_code");
        await Problem(await http.PostAsJsonAsync("/v1/auth/password-reset", Reset(code == "000000" ? "000001" : "000000", alice.IdNumber)), HttpStatusCode.UnprocessableEntity, "invalid_verification_code");
        // Five tries are spent (two numbers, three codes): even the right code and number are refused now.
        await Problem(await http.PostAsJsonAsync("/v1/auth/password-reset", Reset(code, alice.IdNumber)), HttpStatusCode.Conflict, "verification_locked");

        await Json(await SignIn(http, alice.Phone, TestData.Password), HttpStatusCode.OK);
    }

    [Fact]
    public async Task Asking_a_reset_code_for_an_unknown_phone_looks_the_same_and_resetting_it_fails_like_a_wrong_code()
    {
        var http = api.CreateClient();
        var phone = TestData.Phone();

        Assert.Equal(HttpStatusCode.Accepted, (await http.PostAsJsonAsync("/v1/auth/password-reset-codes", new { phone })).StatusCode);
        await Problem(await http.PostAsJsonAsync("/v1/auth/password-reset", new { phone, code = "123456", newPassword = NewPassword }), HttpStatusCode.UnprocessableEntity, "invalid_verification_code");
        await Problem(await http.PostAsJsonAsync("/v1/auth/password-reset-codes", new { phone = "12" }), HttpStatusCode.BadRequest, "validation_failed");
    }

    private static Task<HttpResponseMessage> SignIn(HttpClient http, string phone, string password)
        => http.PostAsJsonAsync("/v1/auth/token", new { phone, password });

    private sealed record VerifiedCustomer(ApiCustomer Customer, string IdNumber)
    {
        public string Phone => Customer.Phone;

        public Task<string> LatestSmsCode() => Customer.LatestSmsCode();
    }

    private async Task<VerifiedCustomer> Verified()
    {
        var customer = await Register(api);
        var idNumber = TestData.IdNumber();
        await Json(await customer.Post("/v1/me/verification", new { name = "韩梅梅", idNumber }), HttpStatusCode.OK);
        return new VerifiedCustomer(customer, idNumber);
    }
}
