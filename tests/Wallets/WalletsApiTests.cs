using System.Net;
using Wallet.Tests.Infrastructure;
using static Wallet.Tests.Infrastructure.ApiCustomer;

namespace Wallet.Tests.Wallets;

[Collection(ApiCollection.Name)]
public sealed class WalletsApiTests(ApiFixture api)
{
    [Fact]
    public async Task Opened_wallets_are_listed_newest_first_and_start_empty()
    {
        var customer = await ApiCustomer.Register(api);
        var first = await customer.OpenWallet();
        var second = await customer.OpenWallet("HKD");

        var list = await Json(await customer.Http.GetAsync("/v1/wallets"), HttpStatusCode.OK);
        var wallet = await Json(await customer.Http.GetAsync($"/v1/wallets/{second}"), HttpStatusCode.OK);

        Assert.Equal([second, first], list.GetProperty("items").EnumerateArray().Select(w => w.GetProperty("walletId").GetString()));
        Assert.Equal("HKD", wallet.GetProperty("currency").GetString());
        Assert.Equal(0, wallet.GetProperty("balance").GetInt64());
        Assert.Equal("active", wallet.GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("""{"currency":"XYZ"}""")]
    [InlineData("""{"currency":"cny"}""")]
    [InlineData("""{}""")]
    public async Task Opening_a_wallet_in_an_unknown_currency_is_refused(string body)
    {
        var customer = await ApiCustomer.Register(api);

        await Problem(await customer.PostRaw("/v1/wallets", body), HttpStatusCode.BadRequest, "validation_failed");
        var list = await Json(await customer.Http.GetAsync("/v1/wallets"), HttpStatusCode.OK);
        Assert.Equal(0, list.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Another_customers_wallet_does_not_exist_for_you()
    {
        var owner = await ApiCustomer.Register(api);
        var stranger = await ApiCustomer.Register(api);
        var wallet = await owner.FundedWallet(1_000);

        await Problem(await stranger.Http.GetAsync($"/v1/wallets/{wallet}"), HttpStatusCode.NotFound, "not_found");
        await Problem(await stranger.Http.GetAsync($"/v1/wallets/{wallet}/transactions"), HttpStatusCode.NotFound, "not_found");
        await Problem(await stranger.Http.GetAsync("/v1/wallets/wal_doesnotexist"), HttpStatusCode.NotFound, "not_found");
        await Problem(await stranger.Http.GetAsync("/v1/wallets/%20"), HttpStatusCode.NotFound, "not_found");
        await Problem(await stranger.Post("/v1/wallets/%20%20/top-ups", new { cardId = "card_x", amount = 1, currency = "CNY" }, "blank"),
            HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task Transactions_page_newest_first_with_an_opaque_cursor_and_filter_by_kind()
    {
        var alice = await ApiCustomer.Register(api);
        var bob = await ApiCustomer.Register(api);
        var from = await alice.FundedWallet(10_000);
        var to = await bob.OpenWallet();
        for (var i = 1; i <= 3; i++)
        {
            await Json(await alice.Post("/v1/transfers", alice.TransferBody(from, to, i * 100), $"page-{i}"), HttpStatusCode.Created);
        }

        var page1 = await Json(await alice.Http.GetAsync($"/v1/wallets/{from}/transactions?limit=2"), HttpStatusCode.OK);
        var cursor = page1.GetProperty("nextCursor").GetString();
        var page2 = await Json(await alice.Http.GetAsync($"/v1/wallets/{from}/transactions?limit=2&cursor={cursor}"), HttpStatusCode.OK);
        var topUps = await Json(await alice.Http.GetAsync($"/v1/wallets/{from}/transactions?kind=top_up"), HttpStatusCode.OK);

        Assert.Equal([300L, 200L], page1.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("amount").GetInt64()));
        Assert.Equal([9_400L, 9_700L], page1.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("balanceAfter").GetInt64()));
        Assert.Equal([100L, 10_000L], page2.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("amount").GetInt64()));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, page2.GetProperty("nextCursor").ValueKind);
        Assert.Equal("top_up", topUps.GetProperty("items").EnumerateArray().Single().GetProperty("kind").GetString());
    }

    [Fact]
    public async Task The_overview_is_the_wallet_and_its_newest_entries_in_one_answer_for_its_owner_only()
    {
        var alice = await ApiCustomer.Register(api);
        var bob = await ApiCustomer.Register(api);
        var from = await alice.FundedWallet(10_000);
        var to = await bob.OpenWallet();
        for (var i = 1; i <= 3; i++)
        {
            await Json(await alice.Post("/v1/transfers", alice.TransferBody(from, to, i * 100), $"overview-{i}"), HttpStatusCode.Created);
        }

        var overview = await Json(await alice.Http.GetAsync($"/v1/wallets/{from}/overview?limit=3"), HttpStatusCode.OK);
        var wallet = await Json(await alice.Http.GetAsync($"/v1/wallets/{from}"), HttpStatusCode.OK);
        var page = await Json(await alice.Http.GetAsync($"/v1/wallets/{from}/transactions?limit=3"), HttpStatusCode.OK);
        var whole = await Json(await alice.Http.GetAsync($"/v1/wallets/{from}/overview"), HttpStatusCode.OK);

        Assert.Equal(wallet.GetRawText(), overview.GetProperty("wallet").GetRawText());
        Assert.Equal(page.GetProperty("items").GetRawText(), overview.GetProperty("recentEntries").GetRawText());
        Assert.Equal([300L, 200L, 100L], overview.GetProperty("recentEntries").EnumerateArray().Select(e => e.GetProperty("amount").GetInt64()));
        Assert.Equal(9_400L, overview.GetProperty("wallet").GetProperty("balance").GetInt64());
        Assert.Equal(4, whole.GetProperty("recentEntries").GetArrayLength()); // the top-up and the three transfers: fewer than the 20 of a default page
        await Problem(await bob.Http.GetAsync($"/v1/wallets/{from}/overview"), HttpStatusCode.NotFound, "not_found");
    }

    [Theory]
    [InlineData("limit=0")]
    [InlineData("limit=101")]
    [InlineData("limit=ten")]
    public async Task An_overview_asked_for_a_bad_number_of_entries_is_a_validation_problem(string query)
    {
        var customer = await ApiCustomer.Register(api);
        var wallet = await customer.OpenWallet();

        var problem = await Problem(await customer.Http.GetAsync($"/v1/wallets/{wallet}/overview?{query}"), HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(["limit"], problem.GetProperty("errors").EnumerateObject().Select(e => e.Name));
    }

    [Theory]
    [InlineData("limit=0")]
    [InlineData("limit=101")]
    [InlineData("limit=ten")]
    [InlineData("cursor=bm9wZQ")]
    [InlineData("kind=gift")]
    [InlineData("from=yesterday")]
    public async Task Transactions_with_bad_paging_or_filters_are_a_validation_problem(string query)
    {
        var customer = await ApiCustomer.Register(api);
        var wallet = await customer.OpenWallet();

        await Problem(await customer.Http.GetAsync($"/v1/wallets/{wallet}/transactions?{query}"), HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task Opening_a_wallet_replayed_with_its_key_returns_the_same_wallet()
    {
        var customer = await ApiCustomer.Register(api);

        var first = await customer.Post("/v1/wallets", new { currency = "CNY" }, "open-1");
        var replay = await customer.Post("/v1/wallets", new { currency = "CNY" }, "open-1");
        var reused = await customer.Post("/v1/wallets", new { currency = "USD" }, "open-1");

        Assert.Equal(await first.Content.ReadAsStringAsync(), await replay.Content.ReadAsStringAsync());
        await Problem(reused, HttpStatusCode.UnprocessableEntity, "idempotency_key_reused");
        var list = await Json(await customer.Http.GetAsync("/v1/wallets"), HttpStatusCode.OK);
        Assert.Equal(1, list.GetProperty("items").GetArrayLength());
    }
}
