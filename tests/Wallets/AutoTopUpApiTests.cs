using System.Net;
using System.Net.Http.Json;
using Wallet.Tests.Infrastructure;
using static Wallet.Tests.Infrastructure.ApiCustomer;

namespace Wallet.Tests.Wallets;

/// <summary>Auto top-up through HTTP: set on a wallet with a card and a cap, a short payment tops up once under its key; bad settings name their field.</summary>
[Collection(ApiCollection.Name)]
public sealed class AutoTopUpApiTests(ApiFixture api)
{
    [Fact]
    public async Task A_short_payment_tops_up_from_the_card_once_however_often_it_is_sent_and_bad_settings_change_nothing()
    {
        var alice = await Register(api);
        var wallet = await alice.OpenWallet();
        var card = await alice.BindVerifiedCard();
        var path = $"/v1/wallets/{wallet}/auto-top-up";
        AssertField(await Problem(await alice.Http.PutAsJsonAsync(path, new { cardId = card, dailyCap = 0 }), HttpStatusCode.BadRequest, "validation_failed"), "dailyCap");
        AssertField(await Problem(await alice.Http.PutAsJsonAsync(path, new { cardId = card, dailyCap = 1_000, roundTo = 5_000 }), HttpStatusCode.BadRequest, "validation_failed"), "roundTo");
        AssertField(await Problem(await alice.Http.PutAsJsonAsync(path, new { dailyCap = 1_000 }), HttpStatusCode.BadRequest, "validation_failed"), "cardId");
        await Problem(await alice.Http.PutAsJsonAsync(path, new { cardId = "card_nobodys", dailyCap = 1_000 }), HttpStatusCode.NotFound, "not_found");
        await Problem(await alice.Http.GetAsync(path), HttpStatusCode.NotFound, "not_found");

        var set = await Json(await alice.Http.PutAsJsonAsync(path, new { cardId = card, dailyCap = 20_000, roundTo = 5_000 }), HttpStatusCode.OK);
        Assert.Equal((20_000L, 5_000L, 0L), (set.GetProperty("dailyCap").GetInt64(), set.GetProperty("roundTo").GetInt64(), set.GetProperty("usedToday").GetInt64()));
        var shop = await ApiMerchant.Onboard(api);
        var code = (await Json(await shop.Send(HttpMethod.Post, "/v1/merchant/qr-codes", """{"currency":"CNY"}"""), HttpStatusCode.Created)).GetProperty("payload").GetString()!;
        var body = new { qrPayload = code, fromWalletId = wallet, amount = 800, pin = TestData.Pin };
        var paid = await Json(await alice.Post("/v1/payments", body, "tea"), HttpStatusCode.Created);
        var replay = await alice.Post("/v1/payments", body, "tea");

        Assert.Equal((5_000L, "CNY"), (paid.GetProperty("autoTopUp").GetProperty("amount").GetInt64(), paid.GetProperty("autoTopUp").GetProperty("currency").GetString()));
        Assert.Equal(paid.GetProperty("autoTopUp").GetProperty("topUpId").GetString(), (await Json(replay, HttpStatusCode.Created)).GetProperty("autoTopUp").GetProperty("topUpId").GetString());
        Assert.Equal("true", replay.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(4_200, await alice.Balance(wallet));
        Assert.Equal(5_000, (await Json(await alice.Http.GetAsync(path), HttpStatusCode.OK)).GetProperty("usedToday").GetInt64());

        Assert.Equal(HttpStatusCode.NoContent, (await alice.Http.DeleteAsync(path)).StatusCode);
        await Problem(await alice.Post("/v1/payments", body with { amount = 5_000 }, "cake"), HttpStatusCode.UnprocessableEntity, "insufficient_funds");
        Assert.Equal(4_200, await alice.Balance(wallet));
        await Books.AssertBalanced(api, wallet, shop.SettlementWalletId);
    }

    private static void AssertField(System.Text.Json.JsonElement problem, string field)
        => Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"the problem names {field}: {problem}");
}
