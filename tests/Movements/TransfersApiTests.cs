using System.Net;
using Wallet.Tests.Infrastructure;
using static Wallet.Tests.Infrastructure.ApiCustomer;

namespace Wallet.Tests.Movements;

[Collection(ApiCollection.Name)]
public sealed class TransfersApiTests(ApiFixture api)
{
    [Fact]
    public async Task A_transfer_by_phone_lands_in_the_recipients_wallet_and_can_be_read_back()
    {
        var alice = await ApiCustomer.Register(api);
        var bob = await ApiCustomer.Register(api);
        var from = await alice.FundedWallet(5_000);
        var to = await bob.OpenWallet();

        var response = await alice.Post("/v1/transfers",
            new { fromWalletId = from, to = new { phone = bob.Phone }, amount = 1_250, currency = "CNY", memo = "dinner", pin = TestData.Pin }, "dinner");
        var transfer = await Json(response, HttpStatusCode.Created);
        var id = transfer.GetProperty("transferId").GetString();
        var readBack = await Json(await alice.Http.GetAsync($"/v1/transfers/{id}"), HttpStatusCode.OK);

        Assert.Equal($"/v1/transfers/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal(to, transfer.GetProperty("to").GetProperty("walletId").GetString());
        Assert.Equal("completed", readBack.GetProperty("status").GetString());
        Assert.Equal(3_750, await alice.Balance(from));
        Assert.Equal(1_250, await bob.Balance(to));
        Assert.Equal(readBack.ToString(), (await Json(await bob.Http.GetAsync($"/v1/transfers/{id}"), HttpStatusCode.OK)).ToString()); // its recipient sees it too
        await Problem(await (await ApiCustomer.Register(api)).Http.GetAsync($"/v1/transfers/{id}"), HttpStatusCode.NotFound, "not_found");
        await Books.AssertBalanced(api, from, to);
    }

    [Fact]
    public async Task A_replayed_transfer_returns_the_identical_response_and_moves_money_once()
    {
        var alice = await ApiCustomer.Register(api);
        var bob = await ApiCustomer.Register(api);
        var from = await alice.FundedWallet(5_000);
        var to = await bob.OpenWallet();

        var first = await alice.Post("/v1/transfers", alice.TransferBody(from, to, 700), "same");
        var replay = await alice.Post("/v1/transfers", alice.TransferBody(from, to, 700), "same");
        var reused = await alice.Post("/v1/transfers", alice.TransferBody(from, to, 701), "same");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(first.StatusCode, replay.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await replay.Content.ReadAsStringAsync());
        Assert.False(first.Headers.Contains("Idempotent-Replayed"), "the first answer is not a replay");
        Assert.Equal(["true"], replay.Headers.GetValues("Idempotent-Replayed"));
        await Problem(reused, HttpStatusCode.UnprocessableEntity, "idempotency_key_reused");
        Assert.Equal(700, await bob.Balance(to));
        await Books.AssertBalanced(api, from, to);
    }

    [Fact]
    public async Task Sixteen_concurrent_requests_with_one_key_make_one_movement()
    {
        var alice = await ApiCustomer.Register(api);
        var bob = await ApiCustomer.Register(api);
        var from = await alice.FundedWallet(5_000);
        var to = await bob.OpenWallet();

        var responses = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => alice.Post("/v1/transfers", alice.TransferBody(from, to, 300), "burst")));
        var bodies = await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync()));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        Assert.Single(bodies.Distinct());
        Assert.Single(responses, r => !r.Headers.Contains("Idempotent-Replayed")); // the one that moved the money
        Assert.Equal(300, await bob.Balance(to));
        Assert.Equal(4_700, await alice.Balance(from));
        await Books.AssertBalanced(api, from, to);
    }

    [Fact]
    public async Task Insufficient_funds_is_a_422_and_its_replay_is_identical()
    {
        var alice = await ApiCustomer.Register(api);
        var bob = await ApiCustomer.Register(api);
        var from = await alice.FundedWallet(100);
        var to = await bob.OpenWallet();

        var first = await alice.Post("/v1/transfers", alice.TransferBody(from, to, 101), "short");
        var replay = await alice.Post("/v1/transfers", alice.TransferBody(from, to, 101), "short");

        await Problem(first, HttpStatusCode.UnprocessableEntity, "insufficient_funds");
        Assert.Equal(await first.Content.ReadAsStringAsync(), await replay.Content.ReadAsStringAsync());
        Assert.Equal(["true"], replay.Headers.GetValues("Idempotent-Replayed"));
        Assert.Equal(100, await alice.Balance(from));
        Assert.Equal(0, await bob.Balance(to));
        await Books.AssertBalanced(api, from, to);
    }

    [Fact]
    public async Task A_customer_cannot_spend_from_another_customers_wallet()
    {
        var victim = await ApiCustomer.Register(api);
        var thief = await ApiCustomer.Register(api);
        var rich = await victim.FundedWallet(5_000);
        var pocket = await thief.OpenWallet();
        var thiefCard = await thief.BindVerifiedCard();

        await Problem(await thief.Post("/v1/transfers", thief.TransferBody(rich, pocket, 1_000), "steal"), HttpStatusCode.NotFound, "not_found");
        await Problem(await thief.Post($"/v1/wallets/{rich}/withdrawals", new { cardId = thiefCard, amount = 1_000, currency = "CNY", pin = TestData.Pin }, "steal-2"),
            HttpStatusCode.NotFound, "not_found");
        await Problem(await thief.Post($"/v1/wallets/{rich}/top-ups", new { cardId = thiefCard, amount = 1, currency = "CNY" }, "probe"),
            HttpStatusCode.NotFound, "not_found");
        Assert.Equal(5_000, await victim.Balance(rich));
        Assert.Equal(0, await thief.Balance(pocket));
        await Books.AssertBalanced(api, rich, pocket);
    }

    [Fact]
    public async Task Sending_to_a_phone_without_a_wallet_in_that_currency_is_refused()
    {
        var alice = await ApiCustomer.Register(api);
        var bob = await ApiCustomer.Register(api);
        var from = await alice.FundedWallet(1_000);
        await bob.OpenWallet("HKD");

        await Problem(await alice.Post("/v1/transfers", new { fromWalletId = from, to = new { phone = bob.Phone }, amount = 10, currency = "CNY", pin = TestData.Pin }, "nowhere"),
            HttpStatusCode.UnprocessableEntity, "recipient_not_found");
        await Problem(await alice.Post("/v1/transfers", alice.TransferBody(from, from, 10), "self"), HttpStatusCode.UnprocessableEntity, "same_wallet");
        Assert.Equal(1_000, await alice.Balance(from));
        await Books.AssertBalanced(api, from);
    }

    [Fact]
    public async Task A_withdrawal_sends_money_to_a_bound_card_and_needs_the_pin()
    {
        var alice = await ApiCustomer.Register(api);
        var wallet = await alice.FundedWallet(3_000);
        var card = await alice.BindVerifiedCard();

        var wrongPin = await alice.Post($"/v1/wallets/{wallet}/withdrawals", new { cardId = card, amount = 1_000, currency = "CNY", pin = "999999" }, "w1");
        var done = await Json(await alice.Post($"/v1/wallets/{wallet}/withdrawals", new { cardId = card, amount = 1_000, currency = "CNY", pin = TestData.Pin }, "w1"),
            HttpStatusCode.Created);
        var overdraw = await alice.Post($"/v1/wallets/{wallet}/withdrawals", new { cardId = card, amount = 2_001, currency = "CNY", pin = TestData.Pin }, "w2");

        await Problem(wrongPin, HttpStatusCode.Forbidden, "invalid_pin");
        Assert.Equal("completed", done.GetProperty("status").GetString());
        await Problem(overdraw, HttpStatusCode.UnprocessableEntity, "insufficient_funds");
        Assert.Equal(2_000, await alice.Balance(wallet));
        await Books.AssertBalanced(api, wallet);
    }
}
