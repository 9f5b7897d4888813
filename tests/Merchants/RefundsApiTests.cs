using System.Net;
using Wallet.Tests.Infrastructure;
using static Wallet.Tests.Infrastructure.ApiCustomer;

namespace Wallet.Tests.Merchants;

/// <summary>Refunds go back to the payer's wallet, never total more than was paid, and are idempotent by their key.</summary>
[Collection(ApiCollection.Name)]
public sealed class RefundsApiTests(ApiFixture api)
{
    [Fact]
    public async Task Partial_refunds_add_up_to_the_payment_and_not_one_fen_more()
    {
        var (merchant, alice, wallet, paymentId) = await Paid(1_250);

        var first = await Json(await merchant.Refund(paymentId, 500, "r1"), HttpStatusCode.Created);
        var replay = await Json(await merchant.Refund(paymentId, 500, "r1"), HttpStatusCode.Created);
        Assert.Equal(first.GetProperty("refundId").GetString(), replay.GetProperty("refundId").GetString());
        var over = await Problem(await merchant.Refund(paymentId, 751, "r2"), HttpStatusCode.UnprocessableEntity, "refund_exceeds_payment");
        await Json(await merchant.Refund(paymentId, 750, "r3"), HttpStatusCode.Created);
        await Problem(await merchant.Refund(paymentId, 1, "r4"), HttpStatusCode.UnprocessableEntity, "refund_exceeds_payment");

        Assert.Contains("12.50 CNY", over.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(10_000, await alice.Balance(wallet));
        Assert.Equal(0, await merchant.Balance());
        var refunds = await Json(await alice.Http.GetAsync($"/v1/wallets/{wallet}/transactions?kind=refund"), HttpStatusCode.OK);
        Assert.Equal([750L, 500L], refunds.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("amount").GetInt64()));
        await Books.AssertBalanced(api, wallet, merchant.SettlementWalletId);
    }

    [Fact]
    public async Task Concurrent_refunds_never_give_back_more_than_was_paid()
    {
        var (merchant, alice, wallet, paymentId) = await Paid(1_000);

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => merchant.Refund(paymentId, 200, $"c{i}")));

        Assert.Equal(5, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.UnprocessableEntity, r.StatusCode));
        Assert.Equal(10_000, await alice.Balance(wallet));
        await Books.AssertBalanced(api, wallet, merchant.SettlementWalletId);
    }

    [Fact]
    public async Task Only_the_merchant_paid_refunds_and_bad_refunds_move_nothing()
    {
        var (merchant, alice, wallet, paymentId) = await Paid(1_000);
        var other = await ApiMerchant.Onboard(api);

        await Problem(await other.Refund(paymentId, 100, "x1"), HttpStatusCode.NotFound, "not_found");
        await Problem(await merchant.Refund("py_unknown", 100, "x2"), HttpStatusCode.NotFound, "not_found");
        await Problem(await merchant.Refund(paymentId, 0, "x3"), HttpStatusCode.BadRequest, "validation_failed");
        await Problem(await merchant.Send(HttpMethod.Post, $"/v1/merchant/payments/{paymentId}/refunds", """{"amount":100}"""), HttpStatusCode.BadRequest, "idempotency_key_required");

        var listed = await Json(await merchant.Send(HttpMethod.Get, "/v1/merchant/payments"), HttpStatusCode.OK);
        Assert.Equal((paymentId, 1_000L, wallet), (listed.GetProperty("items")[0].GetProperty("paymentId").GetString(),
            listed.GetProperty("items")[0].GetProperty("amount").GetInt64(), listed.GetProperty("items")[0].GetProperty("from").GetProperty("walletId").GetString()));
        Assert.Equal(9_000, await alice.Balance(wallet));
        await Books.AssertBalanced(api, wallet, merchant.SettlementWalletId, other.SettlementWalletId);
    }

    [Fact]
    public async Task A_refund_refused_for_the_merchants_funds_counts_nothing_against_the_payment()
    {
        var merchant = await ApiMerchant.Onboard(api, settlementCard: TestData.Card());
        var (alice, wallet, paymentId) = await merchant.PaidBy(api, 1_000, funds: 10_000);
        await Json(await merchant.Send(HttpMethod.Post, "/v1/merchant/settlements"), HttpStatusCode.Created); // the merchant's wallet is empty now

        await Problem(await merchant.Refund(paymentId, 1_000, "broke"), HttpStatusCode.UnprocessableEntity, "insufficient_funds");
        await merchant.PaidBy(api, 1_000); // money in again

        await Json(await merchant.Refund(paymentId, 1_000, "later"), HttpStatusCode.Created); // the whole payment is still refundable
        var refunds = await Json(await merchant.Send(HttpMethod.Get, $"/v1/merchant/payments/{paymentId}/refunds"), HttpStatusCode.OK);
        Assert.Equal(["completed"], refunds.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("status").GetString()));
        Assert.Equal(10_000, await alice.Balance(wallet));
        await Books.AssertBalanced(api, wallet, merchant.SettlementWalletId);
    }

    private async Task<(ApiMerchant Merchant, ApiCustomer Payer, string Wallet, string PaymentId)> Paid(long amount)
    {
        var merchant = await ApiMerchant.Onboard(api);
        var (payer, wallet, paymentId) = await merchant.PaidBy(api, amount, funds: 10_000);
        return (merchant, payer, wallet, paymentId);
    }
}
