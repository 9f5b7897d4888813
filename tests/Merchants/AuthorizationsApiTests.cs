using System.Net;
using System.Text.Json;
using Wallet.Tests.Infrastructure;
using static Wallet.Tests.Infrastructure.ApiCustomer;

namespace Wallet.Tests.Merchants;

/// <summary>Authorise, then capture part or void: the held money leaves what is available, never the balance, until captured.</summary>
[Collection(ApiCollection.Name)]
public sealed class AuthorizationsApiTests(ApiFixture api)
{
    [Fact]
    public async Task A_hold_lowers_available_money_and_a_partial_capture_pays_and_lets_the_rest_go()
    {
        var merchant = await ApiMerchant.Onboard(api);
        var alice = await Register(api);
        var bob = await Register(api);
        var wallet = await alice.FundedWallet(10_000);
        var bobs = await bob.OpenWallet();

        var code = await alice.PaymentCode(wallet);
        var held = await Json(await Authorize(merchant, code, 5_000, "ROOM-1"), HttpStatusCode.Created);
        var id = held.GetProperty("authorizationId").GetString()!;
        Assert.Equal("authorized", held.GetProperty("status").GetString());
        Assert.Equal((10_000L, 5_000L), await BalanceAndAvailable(alice, wallet));
        await Problem(await alice.Post("/v1/transfers", alice.TransferBody(wallet, bobs, 6_000), "too-much"), HttpStatusCode.UnprocessableEntity, "insufficient_funds");
        await Problem(await alice.Http.DeleteAsync($"/v1/wallets/{wallet}"), HttpStatusCode.Conflict, "wallet_not_empty");
        await Problem(await Capture(merchant, id, 5_001), HttpStatusCode.BadRequest, "validation_failed");

        var captured = await Json(await Capture(merchant, id, 3_000), HttpStatusCode.OK);
        await Json(await Capture(merchant, id, 3_000), HttpStatusCode.OK); // already captured: the same answer
        await Problem(await merchant.Send(HttpMethod.Post, $"/v1/merchant/authorizations/{id}/void"), HttpStatusCode.Conflict, "not_pending");

        // The authorisation's own request replayed after the capture answers the authorisation as it stands (once a 500).
        var replayed = await Json(await Authorize(merchant, code, 5_000, "ROOM-1"), HttpStatusCode.Created);
        var seenByPayer = await Json(await alice.Http.GetAsync($"/v1/payments/{id}"), HttpStatusCode.OK);

        Assert.Equal(("completed", 3_000L), (captured.GetProperty("status").GetString(), captured.GetProperty("captured").GetInt64()));
        Assert.Equal((id, "completed", 5_000L, 3_000L), (replayed.GetProperty("authorizationId").GetString(), replayed.GetProperty("status").GetString(),
            replayed.GetProperty("amount").GetInt64(), replayed.GetProperty("captured").GetInt64()));
        Assert.Equal(("completed", 3_000L), (seenByPayer.GetProperty("status").GetString(), seenByPayer.GetProperty("amount").GetInt64())); // what was paid, not what was held
        Assert.Equal((7_000L, 7_000L), await BalanceAndAvailable(alice, wallet));
        Assert.Equal(3_000, await merchant.Balance());
        await Books.AssertBalanced(api, wallet, bobs, merchant.SettlementWalletId);
    }

    [Fact]
    public async Task A_partly_captured_hold_refunds_what_was_captured_and_not_one_fen_more()
    {
        var merchant = await ApiMerchant.Onboard(api);
        await merchant.PaidBy(api, 2_000); // the merchant could pay more back: only the payment's own total stops it
        var alice = await Register(api);
        var wallet = await alice.FundedWallet(10_000);
        var id = (await Json(await Authorize(merchant, await alice.PaymentCode(wallet), 5_000, "ROOM-7"), HttpStatusCode.Created)).GetProperty("authorizationId").GetString()!;
        await Json(await Capture(merchant, id, 3_000), HttpStatusCode.OK);

        var over = await Problem(await merchant.Refund(id, 3_001, "too-much"), HttpStatusCode.UnprocessableEntity, "refund_exceeds_payment");
        Assert.Contains("30.00 CNY", over.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal((7_000L, 5_000L), (await alice.Balance(wallet), await merchant.Balance()));
        await Books.AssertBalanced(api, wallet, merchant.SettlementWalletId);

        await Json(await merchant.Refund(id, 3_000, "all-of-it"), HttpStatusCode.Created);
        await Problem(await merchant.Refund(id, 1, "one-more"), HttpStatusCode.UnprocessableEntity, "refund_exceeds_payment");
        await Problem(await merchant.Refund(id, 3_001, "too-much"), HttpStatusCode.UnprocessableEntity, "refund_exceeds_payment"); // the refusal replays

        Assert.Equal((10_000L, 2_000L), (await alice.Balance(wallet), await merchant.Balance()));
        await Books.AssertBalanced(api, wallet, merchant.SettlementWalletId);
    }

    [Fact]
    public async Task A_voided_hold_gives_the_money_back_to_spend_and_cannot_be_captured()
    {
        var merchant = await ApiMerchant.Onboard(api);
        var other = await ApiMerchant.Onboard(api);
        var alice = await Register(api);
        var wallet = await alice.FundedWallet(10_000);
        var id = (await Json(await Authorize(merchant, await alice.PaymentCode(wallet), 4_000, "FUEL-9"), HttpStatusCode.Created)).GetProperty("authorizationId").GetString()!;

        await Problem(await other.Send(HttpMethod.Post, $"/v1/merchant/authorizations/{id}/void"), HttpStatusCode.NotFound, "not_found");
        var voided = await Json(await merchant.Send(HttpMethod.Post, $"/v1/merchant/authorizations/{id}/void"), HttpStatusCode.OK);
        await Problem(await Capture(merchant, id, 1_000), HttpStatusCode.Conflict, "not_pending");

        Assert.Equal("voided", voided.GetProperty("status").GetString());
        Assert.Equal((10_000L, 10_000L), await BalanceAndAvailable(alice, wallet));
        await Books.AssertBalanced(api, wallet, merchant.SettlementWalletId, other.SettlementWalletId);
    }

    private async Task<(long, long)> BalanceAndAvailable(ApiCustomer customer, string wallet)
    {
        var view = await Json(await customer.Http.GetAsync($"/v1/wallets/{wallet}"), HttpStatusCode.OK);
        return (view.GetProperty("balance").GetInt64(), view.GetProperty("available").GetInt64());
    }


    private static Task<HttpResponseMessage> Authorize(ApiMerchant merchant, string code, long amount, string orderId)
        => merchant.Send(HttpMethod.Post, "/v1/merchant/authorizations", JsonSerializer.Serialize(new { paymentCode = code, amount, currency = "CNY", orderId }));

    private static Task<HttpResponseMessage> Capture(ApiMerchant merchant, string id, long amount)
        => merchant.Send(HttpMethod.Post, $"/v1/merchant/authorizations/{id}/capture", JsonSerializer.Serialize(new { amount }));
}
