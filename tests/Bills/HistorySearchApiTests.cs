using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Wallet.Tests.Infrastructure;
using static Wallet.Tests.Infrastructure.ApiCustomer;

namespace Wallet.Tests.Bills;

/// <summary>
/// Every entry carries a category (a merchant payment the merchant's, by its MCC); the owner can put their own
/// category, a note and tags on one; the history is searched by any of them, with amounts and days at their edges.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class HistorySearchApiTests(ApiFixture api)
{
    [Fact]
    public async Task Entries_carry_their_category_and_a_search_finds_them_by_it()
    {
        var restaurant = await ApiMerchant.Onboard(api, name: "Noodle House", category: "5812");
        var (alice, wallet, _) = await restaurant.PaidBy(api, 3_500, funds: 10_000, orderId: "table 7");
        var bob = await Register(api);
        var bobWallet = await bob.OpenWallet();
        await Json(await alice.Post("/v1/transfers", alice.TransferBody(wallet, bobWallet, 1_000), Guid.NewGuid().ToString()), HttpStatusCode.Created);

        var all = await Items(alice, wallet, "");
        Assert.Equal(["transfers", "dining", "top_ups"], all.Select(e => e.GetProperty("category").GetString()));
        var dining = Assert.Single(await Items(alice, wallet, "?category=dining"));
        Assert.Equal(3_500, dining.GetProperty("amount").GetInt64());
        Assert.Equal(restaurant.Id, dining.GetProperty("counterparty").GetProperty("merchantId").GetString());
        Assert.Equal([1_000L], (await Items(alice, wallet, "?category=transfers")).Select(e => e.GetProperty("amount").GetInt64()));
        Assert.Empty(await Items(alice, wallet, "?category=groceries"));
        // The payee's side of the transfer is a transfer too.
        Assert.Equal("transfers", Assert.Single(await Items(bob, bobWallet, "")).GetProperty("category").GetString());
        await Books.AssertBalanced(api, wallet, bobWallet, restaurant.SettlementWalletId);
    }

    [Fact]
    public async Task Amount_bounds_hold_their_edges_and_text_counterparty_and_kind_narrow_the_search()
    {
        var alice = await Register(api);
        var wallet = await alice.FundedWallet(100_000);
        var bob = await Register(api);
        var bobWallet = await bob.OpenWallet();
        var carol = await Register(api);
        var carolWallet = await carol.OpenWallet();
        foreach (var (to, amount, memo) in new[] { (bobWallet, 100L, "Rent for June"), (bobWallet, 200L, "dinner"), (carolWallet, 300L, "RENT share"), (carolWallet, 400L, null) })
        {
            await Json(await alice.Post("/v1/transfers", new { fromWalletId = wallet, to = new { walletId = to }, amount, currency = "CNY", memo, pin = TestData.Pin }, Guid.NewGuid().ToString()),
                HttpStatusCode.Created);
        }

        Assert.Equal(new long[] { 300L, 200L }, await Amounts(alice, wallet, "?kind=transfer&minAmount=200&maxAmount=300"));
        Assert.Equal(new long[] { 200L }, await Amounts(alice, wallet, "?kind=transfer&minAmount=200&maxAmount=200"));
        Assert.Equal(new long[] { 400L, 300L }, await Amounts(alice, wallet, "?kind=transfer&minAmount=300"));
        Assert.Equal(new long[] { 100L }, await Amounts(alice, wallet, "?maxAmount=100"));
        Assert.Equal(new long[] { 300L, 100L }, await Amounts(alice, wallet, "?text=rent"));
        Assert.Equal(new long[] { 400L, 300L }, await Amounts(alice, wallet, $"?counterparty={carolWallet}"));
        Assert.Equal(new long[] { 300L }, await Amounts(alice, wallet, $"?counterparty={carolWallet}&text=Share"));
        Assert.Equal(new long[] { 100_000L }, await Amounts(alice, wallet, "?kind=top_up"));
        // The bank days the entries were booked on (one, unless the test ran across a Shanghai midnight) hold all five; the day before none.
        var days = (await Items(alice, wallet, "")).Select(e => DateOnly.FromDateTime(e.GetProperty("createdAt").GetDateTimeOffset().ToOffset(TimeSpan.FromHours(8)).DateTime)).ToList();
        Assert.Equal(5, (await Items(alice, wallet, $"?fromDate={Day(days.Min())}&toDate={Day(days.Max())}")).Count);
        Assert.Empty(await Items(alice, wallet, $"?toDate={Day(days.Min().AddDays(-1))}"));

        // Pages of one filter follow each other with the cursor, and hold still while new entries arrive.
        var first = await Json(await alice.Http.GetAsync($"/v1/wallets/{wallet}/transactions?kind=transfer&limit=3"), HttpStatusCode.OK);
        await Json(await alice.Post("/v1/transfers", alice.TransferBody(wallet, bobWallet, 500), Guid.NewGuid().ToString()), HttpStatusCode.Created);
        var cursor = first.GetProperty("nextCursor").GetString();
        Assert.Equal(new long[] { 100L }, await Amounts(alice, wallet, $"?kind=transfer&limit=3&cursor={cursor}"));
        Assert.Equal([400L, 300L, 200L], first.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("amount").GetInt64()));
        await Books.AssertBalanced(api, wallet, bobWallet, carolWallet);
    }

    [Fact]
    public async Task The_owner_recategorises_an_entry_and_notes_and_tags_it_and_the_search_follows()
    {
        var shop = await ApiMerchant.Onboard(api, name: "Corner Shop", category: "5411");
        var (alice, wallet, _) = await shop.PaidBy(api, 2_000, funds: 5_000);
        var payment = Assert.Single(await Items(alice, wallet, "?kind=payment"));
        Assert.Equal("groceries", payment.GetProperty("category").GetString());
        var entryId = payment.GetProperty("entryId").GetString()!;

        var noted = await Json(await alice.Http.PutAsJsonAsync($"/v1/wallets/{wallet}/transactions/{entryId}/note",
            new { category = "dining", note = "团队午餐 team lunch", tags = new[] { "work", "Reimburse " } }), HttpStatusCode.OK);
        Assert.Equal("dining", noted.GetProperty("category").GetString());
        Assert.Equal("团队午餐 team lunch", noted.GetProperty("note").GetString());
        Assert.Equal(["work", "Reimburse"], noted.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(2_000, noted.GetProperty("amount").GetInt64()); // the entry itself never changes

        Assert.Equal(entryId, Assert.Single(await Items(alice, wallet, "?category=dining")).GetProperty("entryId").GetString());
        Assert.Empty(await Items(alice, wallet, "?category=groceries"));
        Assert.Single(await Items(alice, wallet, "?tag=reimburse"));
        Assert.Single(await Items(alice, wallet, "?text=%E5%8D%88%E9%A4%90")); // 午餐, in the note
        Assert.Equal("团队午餐 team lunch", (await Items(alice, wallet, ""))[0].GetProperty("note").GetString());

        // A note of blanks is no note; the tags stay as sent.
        var blank = await Json(await alice.Http.PutAsJsonAsync($"/v1/wallets/{wallet}/transactions/{entryId}/note", new { note = "   ", tags = new[] { "work" } }), HttpStatusCode.OK);
        Assert.Equal(JsonValueKind.Null, blank.GetProperty("note").ValueKind);
        Assert.Equal("groceries", blank.GetProperty("category").GetString());
        Assert.Single(await Items(alice, wallet, "?tag=work"));

        // All empty takes it all back.
        var cleared = await Json(await alice.Http.PutAsJsonAsync($"/v1/wallets/{wallet}/transactions/{entryId}/note", new { }), HttpStatusCode.OK);
        Assert.Equal("groceries", cleared.GetProperty("category").GetString());
        Assert.Equal(JsonValueKind.Null, cleared.GetProperty("note").ValueKind);
        Assert.Empty(await Items(alice, wallet, "?tag=work"));
        Assert.Single(await Items(alice, wallet, "?category=groceries"));
    }

    [Theory]
    [InlineData("?category=food", "category")]
    [InlineData("?category=DINING", "category")]
    [InlineData("?fromDate=2026-13-01", "fromDate")]
    [InlineData("?fromDate=2026-6-1", "fromDate")]
    [InlineData("?toDate=yesterday", "toDate")]
    [InlineData("?fromDate=2026-07-02&toDate=2026-07-01", "toDate")]
    [InlineData("?minAmount=-1", "minAmount")]
    [InlineData("?minAmount=1.5", "minAmount")]
    [InlineData("?maxAmount=99999999999999999999", "maxAmount")]
    [InlineData("?minAmount=300&maxAmount=200", "maxAmount")]
    [InlineData("?text=", "text")]
    [InlineData("?text=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "text")]
    [InlineData("?tag=%E2%80%AEevil", "tag")]
    public async Task A_search_it_cannot_read_is_a_400_naming_the_field(string query, string field)
    {
        var alice = await Register(api);
        var wallet = await alice.OpenWallet();
        var problem = await Problem(await alice.Http.GetAsync($"/v1/wallets/{wallet}/transactions{query}"), HttpStatusCode.BadRequest,
            field == "tag" ? "invalid_text" : "validation_failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"the problem should name {field}: {problem}");
    }

    [Fact]
    public async Task A_note_it_cannot_keep_is_a_400_and_an_entry_not_the_callers_is_a_404()
    {
        var alice = await Register(api);
        var wallet = await alice.FundedWallet(1_000);
        var entryId = Assert.Single(await Items(alice, wallet, "")).GetProperty("entryId").GetString()!;
        var url = $"/v1/wallets/{wallet}/transactions/{entryId}/note";

        await Problem(await alice.Http.PutAsJsonAsync(url, new { category = "food" }), HttpStatusCode.BadRequest, "validation_failed");
        await Problem(await alice.Http.PutAsJsonAsync(url, new { note = new string('x', 201) }), HttpStatusCode.BadRequest, "validation_failed");
        await Problem(await alice.Http.PutAsJsonAsync(url, new { tags = Enumerable.Range(0, 11).Select(i => $"t{i}").ToArray() }), HttpStatusCode.BadRequest, "validation_failed");
        await Problem(await alice.Http.PutAsJsonAsync(url, new { tags = new[] { "" } }), HttpStatusCode.BadRequest, "validation_failed");
        await Problem(await alice.Http.PutAsJsonAsync(url, new { note = "a\u202Eb" }), HttpStatusCode.BadRequest, "invalid_text");

        await Problem(await alice.Http.PutAsJsonAsync($"/v1/wallets/{wallet}/transactions/{wallet}.2/note", new { note = "no such entry" }), HttpStatusCode.NotFound, "not_found");
        await Problem(await alice.Http.PutAsJsonAsync($"/v1/wallets/{wallet}/transactions/{wallet}.0/note", new { note = "x" }), HttpStatusCode.NotFound, "not_found");
        await Problem(await alice.Http.PutAsJsonAsync($"/v1/wallets/{wallet}/transactions/wal_other.1/note", new { note = "x" }), HttpStatusCode.NotFound, "not_found");
        var mallory = await Register(api);
        await Problem(await mallory.Http.PutAsJsonAsync(url, new { note = "mine now" }), HttpStatusCode.NotFound, "not_found");
        // Nothing was written by any of them.
        var entry = Assert.Single(await Items(alice, wallet, ""));
        Assert.Equal(JsonValueKind.Null, entry.GetProperty("note").ValueKind);
        Assert.Equal("top_ups", entry.GetProperty("category").GetString());
    }

    private static async Task<List<JsonElement>> Items(ApiCustomer customer, string wallet, string query)
        => [.. (await Json(await customer.Http.GetAsync($"/v1/wallets/{wallet}/transactions{query}"), HttpStatusCode.OK)).GetProperty("items").EnumerateArray()];

    private static async Task<long[]> Amounts(ApiCustomer customer, string wallet, string query)
        => [.. (await Items(customer, wallet, query)).Select(e => e.GetProperty("amount").GetInt64())];

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
