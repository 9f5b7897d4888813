using System.Net;
using System.Text.Json;
using Wallet.Tests.Infrastructure;
using static Wallet.Tests.Infrastructure.ApiCustomer;

namespace Wallet.Tests.Retrieval;

/// <summary>
/// A customer retrieves their top-ups, withdrawals, payments and cards; a transfer is seen by its sender and,
/// once completed, by its recipient. Anyone else gets 404, the same as for an unknown or a malformed id.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class CustomerRetrievalApiTests(ApiFixture api)
{
    [Fact]
    public async Task Top_ups_and_withdrawals_are_found_under_their_own_wallet_by_their_owner_only()
    {
        var alice = await Register(api);
        var mallory = await Register(api);
        var wallet = await alice.OpenWallet();
        var otherWallet = await alice.OpenWallet("USD");
        var card = await alice.BindVerifiedCard();

        var toppedUp = await alice.Post($"/v1/wallets/{wallet}/top-ups", new { cardId = card, amount = 5_000, currency = "CNY" }, "t1");
        var topUpId = (await Json(toppedUp, HttpStatusCode.Created)).GetProperty("topUpId").GetString()!;
        var withdrawn = await alice.Post($"/v1/wallets/{wallet}/withdrawals", new { cardId = card, amount = 1_500, currency = "CNY", pin = TestData.Pin }, "w1");
        var withdrawalId = (await Json(withdrawn, HttpStatusCode.Created)).GetProperty("withdrawalId").GetString()!;

        var topUp = await Json(await alice.Http.GetAsync($"/v1/wallets/{wallet}/top-ups/{topUpId}"), HttpStatusCode.OK);
        Assert.Equal((topUpId, "completed", wallet, card, 5_000L), (topUp.GetProperty("topUpId").GetString(), topUp.GetProperty("status").GetString(),
            topUp.GetProperty("to").GetProperty("walletId").GetString(), topUp.GetProperty("from").GetProperty("cardId").GetString(), topUp.GetProperty("amount").GetInt64()));
        var withdrawal = await Json(await alice.Http.GetAsync($"/v1/wallets/{wallet}/withdrawals/{withdrawalId}"), HttpStatusCode.OK);
        Assert.Equal((withdrawalId, "completed", wallet, card, 1_500L), (withdrawal.GetProperty("withdrawalId").GetString(), withdrawal.GetProperty("status").GetString(),
            withdrawal.GetProperty("from").GetProperty("walletId").GetString(), withdrawal.GetProperty("to").GetProperty("cardId").GetString(), withdrawal.GetProperty("amount").GetInt64()));

        await Problem(await mallory.Http.GetAsync($"/v1/wallets/{wallet}/top-ups/{topUpId}"), HttpStatusCode.NotFound, "not_found");
        await Problem(await mallory.Http.GetAsync($"/v1/wallets/{wallet}/withdrawals/{withdrawalId}"), HttpStatusCode.NotFound, "not_found");
        await Problem(await alice.Http.GetAsync($"/v1/wallets/{otherWallet}/top-ups/{topUpId}"), HttpStatusCode.NotFound, "not_found");
        await Problem(await alice.Http.GetAsync($"/v1/wallets/{wallet}/top-ups/{withdrawalId}"), HttpStatusCode.NotFound, "not_found"); // a withdrawal is no top-up
        await Problem(await alice.Http.GetAsync($"/v1/wallets/{wallet}/withdrawals/wd_unknown"), HttpStatusCode.NotFound, "not_found");
        await Problem(await alice.Http.GetAsync($"/v1/wallets/{wallet}/top-ups/%20"), HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task A_payer_finds_their_qr_payments_and_the_charges_of_their_payment_code()
    {
        var merchant = await ApiMerchant.Onboard(api);
        var (alice, wallet, paymentId) = await merchant.PaidBy(api, 700, funds: 10_000);
        var mallory = await Register(api);
        var charged = await merchant.Send(HttpMethod.Post, "/v1/merchant/charges",
            JsonSerializer.Serialize(new { paymentCode = await alice.PaymentCode(wallet), amount = 300, currency = "CNY", orderId = "C-1" }));
        var chargeId = (await Json(charged, HttpStatusCode.Created)).GetProperty("paymentId").GetString()!;

        var paid = await Json(await alice.Http.GetAsync($"/v1/payments/{paymentId}"), HttpStatusCode.OK);
        Assert.Equal((paymentId, "completed", merchant.Id, 700L), (paid.GetProperty("paymentId").GetString(), paid.GetProperty("status").GetString(),
            paid.GetProperty("to").GetProperty("merchantId").GetString(), paid.GetProperty("amount").GetInt64()));
        var charge = await Json(await alice.Http.GetAsync($"/v1/payments/{chargeId}"), HttpStatusCode.OK);
        Assert.Equal((chargeId, "C-1", 300L), (charge.GetProperty("paymentId").GetString(), charge.GetProperty("orderId").GetString(), charge.GetProperty("amount").GetInt64()));

        await Problem(await mallory.Http.GetAsync($"/v1/payments/{paymentId}"), HttpStatusCode.NotFound, "not_found");
        await Problem(await mallory.Http.GetAsync($"/v1/payments/{chargeId}"), HttpStatusCode.NotFound, "not_found");
        await Problem(await alice.Http.GetAsync("/v1/payments/py_unknown"), HttpStatusCode.NotFound, "not_found");
        await Problem(await alice.Http.GetAsync("/v1/payments/%20"), HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task A_completed_transfer_is_seen_by_its_recipient_and_by_nobody_else()
    {
        var alice = await Register(api);
        var bob = await Register(api);
        var mallory = await Register(api);
        var from = await alice.FundedWallet(5_000);
        var to = await bob.OpenWallet();
        var sent = await Json(await alice.Post("/v1/transfers", new { fromWalletId = from, to = new { phone = bob.Phone }, amount = 1_250, currency = "CNY", memo = "lunch", pin = TestData.Pin }, "lunch"),
            HttpStatusCode.Created);
        var id = sent.GetProperty("transferId").GetString()!;

        var seenBySender = await Json(await alice.Http.GetAsync($"/v1/transfers/{id}"), HttpStatusCode.OK);
        var seenByRecipient = await Json(await bob.Http.GetAsync($"/v1/transfers/{id}"), HttpStatusCode.OK);
        Assert.Equal(seenBySender.ToString(), seenByRecipient.ToString());
        Assert.Equal((from, to, 1_250L, "lunch"), (seenByRecipient.GetProperty("from").GetProperty("walletId").GetString(), seenByRecipient.GetProperty("to").GetProperty("walletId").GetString(),
            seenByRecipient.GetProperty("amount").GetInt64(), seenByRecipient.GetProperty("memo").GetString()));
        // what the recipient's own statement already shows of the sender: their wallet id as the counterparty, and the memo
        var entry = (await Json(await bob.Http.GetAsync($"/v1/wallets/{to}/transactions"), HttpStatusCode.OK)).GetProperty("items")[0];
        Assert.Equal((from, "lunch"), (entry.GetProperty("counterparty").GetProperty("walletId").GetString(), entry.GetProperty("memo").GetString()));

        await Problem(await mallory.Http.GetAsync($"/v1/transfers/{id}"), HttpStatusCode.NotFound, "not_found");
        await Problem(await bob.Http.GetAsync("/v1/transfers/tr_unknown"), HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task Cards_are_listed_to_their_holder_masked()
    {
        var alice = await Register(api);
        var mallory = await Register(api);
        var first = await alice.BindVerifiedCard();
        var second = await alice.BindVerifiedCard();
        var mallorys = await mallory.BindVerifiedCard();

        var listed = await Json(await alice.Http.GetAsync("/v1/cards"), HttpStatusCode.OK);
        var ids = listed.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("cardId").GetString()!).Order().ToList();
        Assert.Equal(new[] { first, second }.Order(), ids);
        Assert.All(listed.GetProperty("items").EnumerateArray(), c => Assert.Contains("*", c.GetProperty("masked").GetString(), StringComparison.Ordinal));
        Assert.Equal([mallorys], (await Json(await mallory.Http.GetAsync("/v1/cards"), HttpStatusCode.OK)).GetProperty("items").EnumerateArray().Select(c => c.GetProperty("cardId").GetString()));
        Assert.Equal(0, (await Json(await (await Register(api)).Http.GetAsync("/v1/cards"), HttpStatusCode.OK)).GetProperty("items").GetArrayLength());
    }
}
