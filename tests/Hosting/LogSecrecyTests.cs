using System.Net;
using System.Net.Http.Json;
using Wallet.Tests.Infrastructure;
using static Wallet.Tests.Infrastructure.ApiCustomer;

namespace Wallet.Tests.Hosting;

/// <summary>Runs the whole slice, wrong inputs included, then searches every log line for the secrets it used.</summary>
[Collection(ApiCollection.Name)]
public sealed class LogSecrecyTests(ApiFixture api)
{
    [Fact]
    public async Task No_card_number_pin_password_or_token_reaches_the_logs()
    {
        const string password = "Unmistakable-Pa55word";
        const string pin = "918273";
        var cardNumber = TestData.Card();
        var customer = await ApiCustomer.Register(api, withPin: false, password: password);
        var friend = await ApiCustomer.Register(api);
        Assert.Equal(HttpStatusCode.NoContent, (await customer.Http.PutAsJsonAsync("/v1/me/payment-pin", new { pin })).StatusCode);
        var wallet = await customer.OpenWallet();
        var card = await customer.BindVerifiedCard(cardNumber, holderName: "韩梅梅"); // the name verified below
        var code = await customer.LatestSmsCode();
        await Json(await customer.Post($"/v1/wallets/{wallet}/top-ups", new { cardId = card, amount = 5_000, currency = "CNY" }, "log-1"), HttpStatusCode.Created);
        var to = await friend.OpenWallet();
        await Json(await customer.Post("/v1/transfers", customer.TransferBody(to: to, from: wallet, amount: 100, pin: pin), "log-2"), HttpStatusCode.Created);
        await customer.Post("/v1/transfers", customer.TransferBody(to: to, from: wallet, amount: 100, pin: "111111"), "log-3");
        await customer.Post("/v1/cards", new { cardNumber = cardNumber[..^1] + (char)('0' + ((cardNumber[^1] - '0' + 1) % 10)), holderName = "X", phone = customer.Phone });
        await customer.Post("/v1/cards", new { cardNumber, holderName = "X", phone = customer.Phone });
        var idNumber = TestData.IdNumber();
        await Json(await customer.Post("/v1/me/verification", new { name = "韩梅梅", idNumber }), HttpStatusCode.OK);
        await customer.Post("/v1/me/verification", new { name = "韩梅梅", idNumber = TestData.IdNumber() }); // refused: already verified
        var session = await Json(await api.CreateClient().PostAsJsonAsync("/v1/auth/token", new { phone = customer.Phone, password }), HttpStatusCode.OK);
        var refresh = session.GetProperty("refreshToken").GetString()!;
        var rotated = (await Json(await api.CreateClient().PostAsJsonAsync("/v1/auth/refresh", new { refreshToken = refresh }), HttpStatusCode.OK)).GetProperty("refreshToken").GetString()!;
        await api.CreateClient().PostAsJsonAsync("/v1/auth/refresh", new { refreshToken = refresh }); // refused: reused
        await customer.Post("/v1/me/payment-pin/reset-codes", new { });
        var resetCode = await customer.LatestSmsCode();
        await customer.Post("/v1/me/payment-pin/reset", new { code = resetCode, idNumber = TestData.IdNumber(), pin = "121212" }); // refused: wrong number
        var merchant = await ApiMerchant.Onboard(api);
        await Json(await merchant.Send(HttpMethod.Get, "/v1/merchant/me"), HttpStatusCode.OK);
        await merchant.Send(HttpMethod.Get, "/v1/merchant/me", secret: merchant.Secret + "x"); // refused
        await Problem(await api.CreateClient().PostAsJsonAsync("/v1/auth/token", new { phone = customer.Phone, password = password + "x" }),
            HttpStatusCode.Unauthorized, "invalid_credentials");
        var token = customer.Http.DefaultRequestHeaders.Authorization!.Parameter!;

        // The request line is written as the response completes, which can be just after the client has it.
        await Eventually.Until(() => api.Logs.Lines.Any(l => l.Contains("/v1/auth/token", StringComparison.Ordinal) && l.Contains("responded 401", StringComparison.Ordinal)),
            "the last request's log line", TimeSpan.FromSeconds(10));
        var lines = api.Logs.Lines;

        Assert.Contains(lines, l => l.Contains("/v1/transfers", StringComparison.Ordinal));
        foreach (var secret in new[] { password, pin, cardNumber, cardNumber[..^1], token, code, resetCode, idNumber, refresh.Split('.')[^1], rotated.Split('.')[^1],
            session.GetProperty("accessToken").GetString()!, merchant.Secret, ApiFixture.OperatorPassword })
        {
            Assert.DoesNotContain(lines, l => l.Contains(secret, StringComparison.Ordinal));
        }
    }
}
