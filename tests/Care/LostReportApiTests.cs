using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Wallet.Tests.Infrastructure;
using static Wallet.Tests.Infrastructure.ApiCustomer;

namespace Wallet.Tests.Care;

/// <summary>
/// A stolen phone or account, through HTTP: one report shuts every session, device, wallet, code, confirmation and autopay at
/// once; recovery gives back access and nothing else; a customer without the phone reports with the backup's code and the
/// identity number; an operator's check stands in for either.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class LostReportApiTests(ApiFixture api)
{
    private const string NewPassword = "a new Passw0rd after theft";
    private const string NewPin = "246813";

    [Fact]
    public async Task Reporting_lost_cuts_every_session_and_device_at_once_and_a_stolen_token_is_refused_on_the_next_request()
    {
        var (alice, wallet, idNumber) = await Verified(50_000);
        var second = await alice.OpenWallet();
        var thief = await SignIn(alice.Phone); // a session on the stolen phone
        await RegisterDevice(alice);
        var code = await alice.PaymentCode(wallet);
        var payee = await Mandate(alice, wallet);
        var merchant = await ApiMerchant.Onboard(api);
        var pending = (await Json(await Charge(merchant, await alice.PaymentCode(wallet), 100_001, "BIG"), HttpStatusCode.Accepted)).GetProperty("paymentId").GetString()!;
        var bob = await Register(api);
        var bobWallet = await bob.FundedWallet(1_000);

        var report = await Json(await alice.Post("/v1/me/lost-report", new { password = TestData.Password }), HttpStatusCode.OK);

        Assert.Equal(("signed_in", true), (report.GetProperty("reportedBy").GetString(), report.GetProperty("completed").GetBoolean()));
        Assert.Equal(new[] { second, wallet }.Order(), report.GetProperty("walletsFrozen").EnumerateArray().Select(w => w.GetString()!).Order());
        Assert.Equal((2, 1, 1, 1, 1), (report.GetProperty("sessionsEnded").GetInt32(), report.GetProperty("devicesRemoved").GetInt32(),
            report.GetProperty("paymentCodesVoided").GetInt32(), report.GetProperty("confirmationsVoided").GetInt32(), report.GetProperty("autopayPaused").GetInt32()));
        // The stolen phone's token and refresh token, and the reporter's own, are refused on their next request.
        await Problem(await thief.Client.GetAsync("/v1/me"), HttpStatusCode.Unauthorized, "unauthorized");
        await Problem(await thief.Client.PostAsync("/v1/transfers", JsonContent.Create(alice.TransferBody(wallet, bobWallet, 100))), HttpStatusCode.Unauthorized, "unauthorized");
        await Problem(await Anonymous().PostAsJsonAsync("/v1/auth/refresh", new { refreshToken = thief.RefreshToken }), HttpStatusCode.Unauthorized, "invalid_refresh_token");
        await Problem(await alice.Http.GetAsync("/v1/me"), HttpStatusCode.Unauthorized, "unauthorized");
        // Knowing the password no longer signs in, nor does a reset by a code texted to the stolen phone.
        await Problem(await Anonymous().PostAsJsonAsync("/v1/auth/token", new { phone = alice.Phone, password = TestData.Password }), HttpStatusCode.Forbidden, "account_reported_lost");
        await Problem(await Anonymous().PostAsJsonAsync("/v1/auth/token", new { phone = alice.Phone, password = "not the password" }), HttpStatusCode.Unauthorized, "invalid_credentials");
        Assert.Equal(HttpStatusCode.Accepted, (await Anonymous().PostAsJsonAsync("/v1/auth/password-reset-codes", new { phone = alice.Phone })).StatusCode);
        await Problem(await Anonymous().PostAsJsonAsync("/v1/auth/password-reset", new { phone = alice.Phone, code = await Sms(alice.Phone), idNumber, newPassword = NewPassword }),
            HttpStatusCode.Forbidden, "account_reported_lost");
        // The code on the phone's screen and the charge waiting for confirmation are void; money still comes in, none goes out.
        await Problem(await Charge(merchant, code, 300, "SMALL"), HttpStatusCode.UnprocessableEntity, "invalid_payment_code");
        var voided = await Json(await merchant.Send(HttpMethod.Get, $"/v1/merchant/payments/{pending}"), HttpStatusCode.OK);
        Assert.Equal("refused", voided.GetProperty("status").GetString());
        await Json(await bob.Post("/v1/transfers", bob.TransferBody(bobWallet, wallet, 500), "to-frozen"), HttpStatusCode.Created);
        var operatorHttp = await Operator.SignIn(api);
        var protection = await Json(await operatorHttp.GetAsync($"/v1/ops/customers/{alice.Id}/protection"), HttpStatusCode.OK);
        Assert.Equal(("reported_lost", report.GetProperty("reportId").GetString()), (protection.GetProperty("status").GetString(),
            protection.GetProperty("openReport").GetProperty("reportId").GetString()));
        // The risk monitor sees the report (and each wallet's freeze and device's removal) on the customer's stream.
        var monitor = api.Services.GetRequiredService<IGrainFactory>().GetGrain<Wallet.Risk.IRiskMonitorGrain>(alice.Id);
        var seen = await Eventually.Value(() => monitor.GetSnapshot(), s => s.RecentSignals.OfType<Wallet.Care.AccountReportedLost>().Any(), "the report on the risk monitor");
        Assert.Equal(2, seen.RecentSignals.OfType<Wallet.Events.WalletFrozen>().Count());
        Assert.Single(seen.RecentSignals.OfType<Wallet.Events.DeviceRemoved>());
        var mandates = await api.Services.GetRequiredService<IGrainFactory>().GetGrain<Wallet.Utilities.IBillCalendarGrain>(alice.Id).ListMandates();
        Assert.Equal(payee, Assert.Single(mandates, m => m.PausedAt is not null).PayeeId);
        await Books.AssertBalanced(api, wallet, second, bobWallet, merchant.SettlementWalletId);
    }

    [Fact]
    public async Task Recovery_restores_access_and_nothing_else()
    {
        var (alice, wallet, idNumber) = await Verified(20_000);
        await RegisterDevice(alice);
        var payee = await Mandate(alice, wallet);
        var bob = await Register(api);
        var bobWallet = await bob.OpenWallet();
        var reported = await Json(await Anonymous().PostAsJsonAsync("/v1/lost-reports", new { phone = alice.Phone, password = TestData.Password }), HttpStatusCode.OK);

        // A wrong identity number spends the code: the next try needs a new one.
        var code = await RecoveryCode(alice.Phone);
        await Problem(await Recover(alice.Phone, code, TestData.IdNumber()), HttpStatusCode.UnprocessableEntity, "id_number_mismatch");
        await Problem(await Recover(alice.Phone, code, idNumber), HttpStatusCode.UnprocessableEntity, "invalid_verification_code");
        var recovered = await Json(await Recover(alice.Phone, await RecoveryCode(alice.Phone), idNumber), HttpStatusCode.OK);

        Assert.Equal(reported.GetProperty("reportId").GetString(), recovered.GetProperty("reportId").GetString());
        Assert.Equal([wallet], recovered.GetProperty("walletsUnfrozen").EnumerateArray().Select(w => w.GetString()!));
        await Problem(await Anonymous().PostAsJsonAsync("/v1/auth/token", new { phone = alice.Phone, password = TestData.Password }), HttpStatusCode.Unauthorized, "invalid_credentials");
        await Problem(await alice.Http.GetAsync("/v1/me"), HttpStatusCode.Unauthorized, "unauthorized"); // the old session stays ended
        var back = await SignedIn(alice, NewPassword);
        Assert.Equal("active", (await Json(await back.GetAsync($"/v1/wallets/{wallet}"), HttpStatusCode.OK)).GetProperty("status").GetString());
        Assert.Equal(0, (await Json(await back.GetAsync("/v1/me/devices"), HttpStatusCode.OK)).GetProperty("items").GetArrayLength());
        Assert.NotEqual(JsonValueKind.Null, (await Json(await back.GetAsync($"/v1/bill-payees/{payee}/autopay"), HttpStatusCode.OK)).GetProperty("pausedAt").ValueKind);
        await Problem(await Send(back, "/v1/transfers", alice.TransferBody(wallet, bobWallet, 100), "old-pin"), HttpStatusCode.Forbidden, "invalid_pin");
        Assert.Equal(HttpStatusCode.Created, (await Send(back, "/v1/transfers", alice.TransferBody(wallet, bobWallet, 100, NewPin), "after-recovery")).StatusCode);
        var protection = await Json(await back.GetAsync("/v1/me/protection"), HttpStatusCode.OK);
        Assert.Equal(("normal", JsonValueKind.Null), (protection.GetProperty("status").GetString(), protection.GetProperty("openReport").ValueKind));
        Assert.NotEqual(JsonValueKind.Null, protection.GetProperty("lastRecovered").GetProperty("recoveredAt").ValueKind);
        var kinds = (await Json(await back.GetAsync("/v1/me/notifications"), HttpStatusCode.OK)).GetProperty("items").EnumerateArray().Select(n => n.GetProperty("kind").GetString()).ToList();
        Assert.Contains("account_reported_lost", kinds);
        Assert.Contains("account_recovered", kinds);
        // Recovering again: nothing is reported any more.
        await Problem(await Recover(alice.Phone, await RecoveryCode(alice.Phone), idNumber), HttpStatusCode.Conflict, "not_reported_lost");
        await Books.AssertBalanced(api, wallet, bobWallet);
    }

    [Fact]
    public async Task Without_the_phone_a_customer_reports_with_a_code_to_the_backup_phone_and_the_identity_number()
    {
        var (alice, wallet, idNumber) = await Verified(1_000);
        var backup = TestData.Phone();
        await Problem(await alice.Post("/v1/me/backup-phone/codes", new { phone = alice.Phone }), HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(HttpStatusCode.Accepted, (await alice.Post("/v1/me/backup-phone/codes", new { phone = backup })).StatusCode);
        await Problem(await alice.Http.PutAsJsonAsync("/v1/me/backup-phone", new { phone = TestData.Phone(), code = await Sms(backup), password = TestData.Password }),
            HttpStatusCode.UnprocessableEntity, "invalid_verification_code");
        // A session alone (a stolen one) cannot put a phone where recovery codes go: the password too.
        Assert.Equal(HttpStatusCode.Accepted, (await alice.Post("/v1/me/backup-phone/codes", new { phone = backup })).StatusCode);
        await Problem(await alice.Http.PutAsJsonAsync("/v1/me/backup-phone", new { phone = backup, code = await Sms(backup), password = "not the password" }),
            HttpStatusCode.Unauthorized, "invalid_credentials");
        Assert.Equal(HttpStatusCode.Accepted, (await alice.Post("/v1/me/backup-phone/codes", new { phone = backup })).StatusCode);
        var set = await Json(await alice.Http.PutAsJsonAsync("/v1/me/backup-phone", new { phone = backup, code = await Sms(backup), password = TestData.Password }), HttpStatusCode.OK);
        Assert.EndsWith(backup[^2..], set.GetProperty("backupPhone").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(backup, set.GetProperty("backupPhone").GetString(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Accepted, (await Anonymous().PostAsJsonAsync("/v1/lost-reports/codes", new { phone = alice.Phone, sendTo = "backup" })).StatusCode);
        await Problem(await Anonymous().PostAsJsonAsync("/v1/lost-reports", new { phone = alice.Phone, code = await Sms(backup), codeSentTo = "backup", idNumber = TestData.IdNumber() }),
            HttpStatusCode.UnprocessableEntity, "id_number_mismatch");
        Assert.Equal(HttpStatusCode.OK, (await alice.Http.GetAsync("/v1/me")).StatusCode); // a failed report shuts nothing
        Assert.Equal(HttpStatusCode.Accepted, (await Anonymous().PostAsJsonAsync("/v1/lost-reports/codes", new { phone = alice.Phone, sendTo = "backup" })).StatusCode);
        var report = await Json(await Anonymous().PostAsJsonAsync("/v1/lost-reports", new { phone = alice.Phone, code = await Sms(backup), codeSentTo = "backup", idNumber }), HttpStatusCode.OK);

        Assert.Equal(("backup_code", 1), (report.GetProperty("reportedBy").GetString(), report.GetProperty("sessionsEnded").GetInt32()));
        await Problem(await alice.Http.GetAsync("/v1/me"), HttpStatusCode.Unauthorized, "unauthorized");
        // Whoever does not know the password or hold a code learns nothing of the report.
        await Problem(await Anonymous().PostAsJsonAsync("/v1/lost-reports", new { phone = alice.Phone, password = "not the password" }), HttpStatusCode.Unauthorized, "invalid_credentials");
        await Problem(await Anonymous().PostAsJsonAsync("/v1/lost-reports", new { phone = alice.Phone, code = "123456" }), HttpStatusCode.UnprocessableEntity, "invalid_verification_code");
        // Reporting again (the password, say, from a friend's phone) is the same report.
        var again = await Json(await Anonymous().PostAsJsonAsync("/v1/lost-reports", new { phone = alice.Phone, password = TestData.Password }), HttpStatusCode.OK);
        Assert.Equal(report.GetProperty("reportId").GetString(), again.GetProperty("reportId").GetString());
        // The backup gets the recovery code too.
        Assert.Equal(HttpStatusCode.Accepted, (await Anonymous().PostAsJsonAsync("/v1/recovery/codes", new { phone = alice.Phone, sendTo = "backup" })).StatusCode);
        await Json(await Recover(alice.Phone, await Sms(backup), idNumber), HttpStatusCode.OK);
        Assert.Equal("active", (await Json(await (await SignedIn(alice, NewPassword)).GetAsync($"/v1/wallets/{wallet}"), HttpStatusCode.OK)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task An_operator_reports_for_a_caller_and_checks_an_unverified_customer_before_recovery()
    {
        var alice = await Register(api);
        var wallet = await alice.OpenWallet();
        var operatorHttp = await Operator.SignIn(api);
        await Problem(await operatorHttp.PostAsJsonAsync($"/v1/ops/customers/{alice.Id}/lost-report", new { note = "" }), HttpStatusCode.BadRequest, "validation_failed");
        await Problem(await operatorHttp.PostAsJsonAsync($"/v1/ops/customers/{alice.Id}/recovery-approval", new { note = "called back", codeTo = "phone" }), HttpStatusCode.Conflict, "not_reported_lost");
        await Problem(await operatorHttp.PostAsJsonAsync("/v1/ops/customers/cus_00000000000000000000000000/lost-report", new { note = "called" }), HttpStatusCode.NotFound, "not_found");

        var report = await Json(await operatorHttp.PostAsJsonAsync($"/v1/ops/customers/{alice.Id}/lost-report", new { note = "caller named the last three payments" }), HttpStatusCode.OK);
        Assert.Equal(("operator", 1), (report.GetProperty("reportedBy").GetString(), report.GetProperty("sessionsEnded").GetInt32()));
        await Problem(await alice.Http.GetAsync("/v1/me"), HttpStatusCode.Unauthorized, "unauthorized");
        // No identity number on record: recovery waits for an operator's check.
        await Problem(await Recover(alice.Phone, await RecoveryCode(alice.Phone), idNumber: null), HttpStatusCode.Conflict, "operator_check_required");
        // An approval names where the customer now gets texts: a code sent elsewhere (a thief's old SIM) stands on nothing.
        await Json(await operatorHttp.PostAsJsonAsync($"/v1/ops/customers/{alice.Id}/recovery-approval", new { note = "branch visit", codeTo = "backup" }), HttpStatusCode.OK);
        await Problem(await Recover(alice.Phone, await RecoveryCode(alice.Phone), idNumber: null), HttpStatusCode.Conflict, "operator_check_required");
        await Problem(await operatorHttp.PostAsJsonAsync($"/v1/ops/customers/{alice.Id}/recovery-approval", new { note = "x", codeTo = "email" }), HttpStatusCode.BadRequest, "validation_failed");
        var approved = await Json(await operatorHttp.PostAsJsonAsync($"/v1/ops/customers/{alice.Id}/recovery-approval",
            new { note = "branch visit, identity card seen, a new SIM for the number", codeTo = "phone" }), HttpStatusCode.OK);
        await Json(await Recover(alice.Phone, await RecoveryCode(alice.Phone), idNumber: null), HttpStatusCode.OK);

        Assert.Equal("active", (await Json(await (await SignedIn(alice, NewPassword)).GetAsync($"/v1/wallets/{wallet}"), HttpStatusCode.OK)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Bad_reports_and_recoveries_are_refused_and_shut_nothing()
    {
        var (alice, wallet, _) = await Verified(1_000);
        var stranger = TestData.Phone();
        await Problem(await Anonymous().PostAsJsonAsync("/v1/lost-reports", new { phone = alice.Phone }), HttpStatusCode.BadRequest, "validation_failed");
        await Problem(await Anonymous().PostAsJsonAsync("/v1/lost-reports", new { phone = alice.Phone, password = TestData.Password, code = "123456" }), HttpStatusCode.BadRequest, "validation_failed");
        await Problem(await Anonymous().PostAsJsonAsync("/v1/lost-reports", new { phone = alice.Phone, code = "12345" }), HttpStatusCode.BadRequest, "validation_failed");
        await Problem(await Anonymous().PostAsJsonAsync("/v1/lost-reports", new { phone = alice.Phone, code = "123456", codeSentTo = "email" }), HttpStatusCode.BadRequest, "validation_failed");
        await Problem(await Anonymous().PostAsJsonAsync("/v1/lost-reports/codes", new { phone = alice.Phone, sendTo = "email" }), HttpStatusCode.BadRequest, "validation_failed");
        await Problem(await Anonymous().PostAsJsonAsync("/v1/lost-reports", new { phone = alice.Phone, password = "not the password" }), HttpStatusCode.Unauthorized, "invalid_credentials");
        await Problem(await Anonymous().PostAsJsonAsync("/v1/lost-reports", new { phone = alice.Phone, code = "123456" }), HttpStatusCode.UnprocessableEntity, "invalid_verification_code");
        await Problem(await alice.Post("/v1/me/lost-report", new { password = "not the password" }), HttpStatusCode.Unauthorized, "invalid_credentials");
        // A number with no account answers as a wrong password or code would; asking for its code is 202 like any other.
        Assert.Equal(HttpStatusCode.Accepted, (await Anonymous().PostAsJsonAsync("/v1/lost-reports/codes", new { phone = stranger })).StatusCode);
        await Problem(await Anonymous().PostAsJsonAsync("/v1/lost-reports", new { phone = stranger, password = TestData.Password }), HttpStatusCode.Unauthorized, "invalid_credentials");
        await Problem(await Anonymous().PostAsJsonAsync("/v1/lost-reports", new { phone = stranger, code = "123456" }), HttpStatusCode.UnprocessableEntity, "invalid_verification_code");
        // No backup registered: the code goes nowhere, and the answer says nothing of it.
        Assert.Equal(HttpStatusCode.Accepted, (await Anonymous().PostAsJsonAsync("/v1/lost-reports/codes", new { phone = alice.Phone, sendTo = "backup" })).StatusCode);
        await Problem(await Recover(alice.Phone, "123456", null), HttpStatusCode.UnprocessableEntity, "invalid_verification_code");
        await Problem(await Anonymous().PostAsJsonAsync("/v1/recovery", new { phone = alice.Phone, code = "123456", newPassword = "short", newPin = "12" }), HttpStatusCode.BadRequest, "validation_failed");
        await Problem(await Recover(alice.Phone, await RecoveryCode(alice.Phone), null), HttpStatusCode.Conflict, "not_reported_lost");

        Assert.Equal("active", (await Json(await alice.Http.GetAsync($"/v1/wallets/{wallet}"), HttpStatusCode.OK)).GetProperty("status").GetString());
        Assert.Equal("normal", (await Json(await alice.Http.GetAsync("/v1/me/protection"), HttpStatusCode.OK)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Ten_reports_at_once_are_one_report_that_shuts_everything_once()
    {
        var (alice, wallet, _) = await Verified(1_000);
        await RegisterDevice(alice);
        var operatorHttp = await Operator.SignIn(api);

        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => i % 2 == 0
            ? Anonymous().PostAsJsonAsync("/v1/lost-reports", new { phone = alice.Phone, password = TestData.Password })
            : operatorHttp.PostAsJsonAsync($"/v1/ops/customers/{alice.Id}/lost-report", new { note = $"caller {i}" })));

        var reports = await Task.WhenAll(answers.Select(a => Json(a, HttpStatusCode.OK)));
        var report = Assert.Single(reports.DistinctBy(r => r.GetProperty("reportId").GetString()));
        Assert.Equal((1, 1, 1), (report.GetProperty("walletsFrozen").GetArrayLength(), report.GetProperty("sessionsEnded").GetInt32(), report.GetProperty("devicesRemoved").GetInt32()));
        var monitor = api.Services.GetRequiredService<IGrainFactory>().GetGrain<Wallet.Risk.IRiskMonitorGrain>(alice.Id);
        await Eventually.Until(async () => (await monitor.GetSnapshot()).RecentSignals.OfType<Wallet.Care.AccountReportedLost>().Any(), "the report on the risk monitor");
        await Task.Delay(500); // a second report's event, were there one, would be as quick
        Assert.Single((await monitor.GetSnapshot()).RecentSignals.OfType<Wallet.Care.AccountReportedLost>());
        await Books.AssertBalanced(api, wallet);
    }

    private sealed record Session(HttpClient Client, string RefreshToken);

    private async Task<(ApiCustomer Customer, string Wallet, string IdNumber)> Verified(long funds)
    {
        var customer = await Register(api);
        var idNumber = TestData.IdNumber();
        await Json(await customer.Http.PostAsJsonAsync("/v1/me/verification", new { name = "韩梅梅", idNumber }), HttpStatusCode.OK);
        return (customer, await customer.FundedWallet(funds), idNumber);
    }

    private HttpClient Anonymous() => api.CreateClient();

    private async Task<Session> SignIn(string phone)
    {
        var token = await Json(await Anonymous().PostAsJsonAsync("/v1/auth/token", new { phone, password = TestData.Password }), HttpStatusCode.OK);
        var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("accessToken").GetString());
        return new Session(client, token.GetProperty("refreshToken").GetString()!);
    }

    private async Task<HttpClient> SignedIn(ApiCustomer customer, string password)
    {
        var token = await Json(await Anonymous().PostAsJsonAsync("/v1/auth/token", new { phone = customer.Phone, password }), HttpStatusCode.OK);
        var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("accessToken").GetString());
        return client;
    }

    private static async Task RegisterDevice(ApiCustomer customer)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        await Json(await customer.Post("/v1/me/devices", new { publicKey = Convert.ToBase64String(key.ExportSubjectPublicKeyInfo()) }), HttpStatusCode.Created);
    }

    /// <summary>A saved water payee with an autopay mandate on <paramref name="wallet"/>.</summary>
    private static async Task<string> Mandate(ApiCustomer customer, string wallet)
    {
        var payee = (await Json(await customer.Post("/v1/bill-payees", new { billerId = "bil_sh_water", accountNumber = "3100123456" }), HttpStatusCode.Created)).GetProperty("payeeId").GetString()!;
        await Json(await customer.Http.PutAsJsonAsync($"/v1/bill-payees/{payee}/autopay", new { walletId = wallet, capPerBill = 50_000, currency = "CNY", pin = TestData.Pin }), HttpStatusCode.OK);
        return payee;
    }

    private Task<string> Sms(string phone) => LatestSmsCode(Anonymous(), phone);

    private async Task<string> RecoveryCode(string phone)
    {
        Assert.Equal(HttpStatusCode.Accepted, (await Anonymous().PostAsJsonAsync("/v1/recovery/codes", new { phone })).StatusCode);
        return await Sms(phone);
    }

    private Task<HttpResponseMessage> Recover(string phone, string code, string? idNumber)
        => Anonymous().PostAsJsonAsync("/v1/recovery", new { phone, code, idNumber, newPassword = NewPassword, newPin = NewPin });

    private static Task<HttpResponseMessage> Send(HttpClient client, string path, object body, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return client.SendAsync(request);
    }

    private static Task<HttpResponseMessage> Charge(ApiMerchant merchant, string code, long amount, string orderId)
        => merchant.Send(HttpMethod.Post, "/v1/merchant/charges", JsonSerializer.Serialize(new { paymentCode = code, amount, currency = "CNY", orderId }));
}
