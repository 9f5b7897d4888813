using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Xml.Linq;
using Wallet.Tests.Infrastructure;
using static Wallet.Tests.Infrastructure.ApiCustomer;

namespace Wallet.Tests.Bills.Analysis;

/// <summary>
/// The analysis through HTTP, fed by real movements' events: a month by category and merchant, an entry the owner
/// re-categorises, the charts as SVG, budgets told in the inbox once each, the operators' reconciliation of a clean
/// month, and every bad input refused with a code.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class SpendingApiTests(ApiFixture api)
{
    private static string ThisMonth => DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM", CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_month_shows_categories_and_top_merchants_and_follows_an_entry_the_owner_recategorises()
    {
        var restaurant = await ApiMerchant.Onboard(api, name: "Tom & Jerry's <Noodles>", category: "5812");
        var market = await ApiMerchant.Onboard(api, name: "Fresh Market", category: "5411");
        var alice = await Register(api);
        var wallet = await alice.FundedWallet(100_000);
        var bob = await Register(api);
        var bobWallet = await bob.OpenWallet();
        await Pay(restaurant, alice, wallet, 3_500);
        await Pay(restaurant, alice, wallet, 1_500);
        await Pay(market, alice, wallet, 2_000);
        var gift = await Json(await alice.Post("/v1/transfers", alice.TransferBody(wallet, bobWallet, 1_000), Guid.NewGuid().ToString()), HttpStatusCode.Created);

        var month = await SpendingOf(alice, total: 8_000);
        Assert.Equal(ThisMonth, month.GetProperty("month").GetString());
        // A new customer spent nothing the month before: the change is all of this month's, in total and by category
        // (the month-before arithmetic itself is SpendingMonthTests', on the fake clock).
        Assert.Equal((0L, 8_000L), (month.GetProperty("previousTotal").GetInt64(), month.GetProperty("change").GetInt64()));
        Assert.All(month.GetProperty("categories").EnumerateArray(), c =>
            Assert.Equal((0L, c.GetProperty("amount").GetInt64()), (c.GetProperty("previousAmount").GetInt64(), c.GetProperty("change").GetInt64())));
        Assert.Equal(new[] { ("dining", 5_000L, 2), ("groceries", 2_000L, 1), ("transfers", 1_000L, 1) }, Categories(month).Select(c => (c.Name, c.Amount, c.Count)));
        Assert.Equal(new[] { ("Tom & Jerry's <Noodles>", "dining", 5_000L), ("Fresh Market", "groceries", 2_000L) },
            month.GetProperty("topMerchants").EnumerateArray().Select(m => (m.GetProperty("name").GetString()!, m.GetProperty("category").GetString()!, m.GetProperty("amount").GetInt64())));

        // The owner calls the gift shopping: the amount moves there, and back when the note comes off.
        var entry = (await Json(await alice.Http.GetAsync($"/v1/wallets/{wallet}/transactions?kind=transfer&limit=1"), HttpStatusCode.OK)).GetProperty("items")[0];
        Assert.Equal(gift.GetProperty("transferId").GetString(), entry.GetProperty("movementId").GetString());
        var note = $"/v1/wallets/{wallet}/transactions/{entry.GetProperty("entryId").GetString()}/note";
        await Json(await alice.Http.PutAsJsonAsync(note, new { category = "shopping", note = "birthday" }), HttpStatusCode.OK);
        Assert.Equal(new[] { ("dining", 5_000L), ("groceries", 2_000L), ("shopping", 1_000L) }, Categories(await SpendingOf(alice, 8_000)).Select(c => (c.Name, c.Amount)));
        await Json(await alice.Http.PutAsJsonAsync(note, new { }), HttpStatusCode.OK);
        Assert.Equal(new[] { ("dining", 5_000L), ("groceries", 2_000L), ("transfers", 1_000L) }, Categories(await SpendingOf(alice, 8_000)).Select(c => (c.Name, c.Amount)));

        // The charts: well-formed SVG whose texts are the merchant's name as written, escaped in the markup.
        var chart = await alice.Http.GetAsync($"/v1/me/spending?month={ThisMonth}&format=svg");
        Assert.Equal("image/svg+xml", chart.Content.Headers.ContentType?.MediaType);
        var markup = await chart.Content.ReadAsStringAsync();
        Assert.Contains("Tom &amp; Jerry's &lt;Noodles&gt;", markup, StringComparison.Ordinal);
        var svg = XDocument.Parse(markup);
        Assert.Equal("svg", svg.Root!.Name.LocalName);
        Assert.NotNull(svg.Root.Attribute("viewBox"));
        var texts = svg.Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value).ToList();
        Assert.Contains(texts, t => t.StartsWith("Tom & Jerry's <Noodles>", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.StartsWith("dining", StringComparison.Ordinal));
        var trendRequest = new HttpRequestMessage(HttpMethod.Get, "/v1/me/spending/trend");
        trendRequest.Headers.Accept.ParseAdd("image/svg+xml");
        var trendChart = await alice.Http.SendAsync(trendRequest);
        Assert.Equal("image/svg+xml", trendChart.Content.Headers.ContentType?.MediaType);
        Assert.Equal(12 * 3, XDocument.Parse(await trendChart.Content.ReadAsStringAsync()).Descendants().Count(e => e.Name.LocalName is "text" or "rect") - 2);
        var trend = await Json(await alice.Http.GetAsync($"/v1/me/spending/trend?to={ThisMonth}"), HttpStatusCode.OK);
        Assert.Equal(12, trend.GetProperty("months").GetArrayLength());
        Assert.Equal(8_000, trend.GetProperty("months")[11].GetProperty("total").GetInt64());

        await Books.AssertBalanced(api, wallet, bobWallet, restaurant.SettlementWalletId, market.SettlementWalletId);
    }

    [Fact]
    public async Task A_budget_reaches_the_inbox_once_at_80_and_once_at_100_percent()
    {
        var shop = await ApiMerchant.Onboard(api, name: "Corner Cafe", category: "5814");
        var alice = await Register(api);
        var wallet = await alice.FundedWallet(100_000);
        var set = await Json(await alice.Http.PutAsJsonAsync("/v1/me/budgets", new { currency = "CNY", budgets = new[] { new { category = "dining", amount = 10_000 } } }), HttpStatusCode.OK);
        Assert.Equal("dining", set.GetProperty("budgets")[0].GetProperty("category").GetString());
        var read = await Json(await alice.Http.GetAsync("/v1/me/budgets"), HttpStatusCode.OK);
        Assert.Equal((10_000L, "CNY"), (read.GetProperty("budgets")[0].GetProperty("amount").GetInt64(), read.GetProperty("budgets")[0].GetProperty("currency").GetString()));

        var told = new List<int>();
        var spent = 0L;
        foreach (var amount in new[] { 7_000L, 1_000, 1_000, 1_500, 500 })
        {
            await Pay(shop, alice, wallet, amount);
            spent += amount;
            await SpendingOf(alice, spent);
            told.Add((await BudgetNotices(alice)).Count);
        }
        Assert.Equal(new[] { 0, 1, 1, 2, 2 }, told);
        var month = await SpendingOf(alice, spent);
        Assert.Equal(10_000, Assert.Single(month.GetProperty("categories").EnumerateArray()).GetProperty("budget").GetInt64());
        await Books.AssertBalanced(api, wallet, shop.SettlementWalletId);
    }

    [Fact]
    public async Task A_budget_set_below_what_the_month_has_spent_is_told_at_once_and_only_once()
    {
        var shop = await ApiMerchant.Onboard(api, name: "Taxi Co", category: "4121");
        var alice = await Register(api);
        var wallet = await alice.FundedWallet(20_000);
        await Pay(shop, alice, wallet, 5_000);
        await SpendingOf(alice, 5_000);

        var budget = new { budgets = new[] { new { category = "transport", amount = 6_000 } } };
        await Json(await alice.Http.PutAsJsonAsync("/v1/me/budgets", budget), HttpStatusCode.OK);
        var told = Assert.Single(await BudgetNotices(alice));
        Assert.Equal($"You have used 80 % of your transport budget for {ThisMonth}", told.GetProperty("title").GetString());
        await Json(await alice.Http.PutAsJsonAsync("/v1/me/budgets", budget), HttpStatusCode.OK);
        Assert.Single(await BudgetNotices(alice));
        await Books.AssertBalanced(api, wallet, shop.SettlementWalletId);
    }

    [Fact]
    public async Task An_operator_reconciles_a_clean_month_and_finds_nothing_to_report()
    {
        var shop = await ApiMerchant.Onboard(api, name: "Book Nook", category: "5942");
        var alice = await Register(api);
        var wallet = await alice.FundedWallet(50_000);
        var paid = await Pay(shop, alice, wallet, 4_200);
        Assert.Equal(HttpStatusCode.Created, (await shop.Refund(paid, 1_200, "refund-1")).StatusCode);
        await SpendingOf(alice, 3_000);

        var operators = await Operator.SignIn(api);
        var check = await Json(await operators.GetAsync($"/v1/ops/customers/{alice.Id}/spending/reconciliation?month={ThisMonth}"), HttpStatusCode.OK);
        Assert.True(check.GetProperty("agrees").GetBoolean(), check.ToString());
        Assert.Equal((2, 2, 0), (check.GetProperty("inLedger").GetInt32(), check.GetProperty("inAnalysis").GetInt32(), check.GetProperty("differences").GetArrayLength()));
        await Books.AssertBalanced(api, wallet, shop.SettlementWalletId);
    }

    [Fact]
    public async Task Bad_months_formats_currencies_and_budgets_are_refused_with_a_code()
    {
        var alice = await Register(api);
        foreach (var path in new[]
        {
            "/v1/me/spending?month=2026-13", "/v1/me/spending?month=november", "/v1/me/spending?month=2026-1", "/v1/me/spending?format=pdf",
            "/v1/me/spending?currency=XXX", "/v1/me/spending/trend?to=26-11", "/v1/me/spending/trend?to=2026-11-01",
        })
        {
            await Problem(await alice.Http.GetAsync(path), HttpStatusCode.BadRequest, "validation_failed");
        }
        foreach (var body in new object[]
        {
            new { budgets = new[] { new { category = "dining", amount = -5 } } },
            new { budgets = new[] { new { category = "dining", amount = 0 } } },
            new { budgets = new[] { new { category = "top_ups", amount = 100 } } },
            new { budgets = new[] { new { category = "dining", amount = 100 }, new { category = "dining", amount = 200 } } },
            new { currency = "XXX", budgets = new[] { new { category = "dining", amount = 100 } } },
            new { currency = "CNY" },
            new { budgets = new[] { new { category = "spaceships", amount = 100 } } },
        })
        {
            await Problem(await alice.Http.PutAsJsonAsync("/v1/me/budgets", body), HttpStatusCode.BadRequest, "validation_failed");
        }
        Assert.Equal(0, (await Json(await alice.Http.GetAsync("/v1/me/budgets"), HttpStatusCode.OK)).GetProperty("budgets").GetArrayLength());

        var operators = await Operator.SignIn(api);
        await Problem(await operators.GetAsync($"/v1/ops/customers/{alice.Id}/spending/reconciliation"), HttpStatusCode.BadRequest, "validation_failed");
        await Problem(await operators.GetAsync($"/v1/ops/customers/{alice.Id}/spending/reconciliation?month=2026-00"), HttpStatusCode.BadRequest, "validation_failed");
    }

    /// <summary>The payer pays the merchant's new dynamic QR code of <paramref name="amount"/>; answers the payment's id.</summary>
    private static async Task<string> Pay(ApiMerchant merchant, ApiCustomer payer, string wallet, long amount)
    {
        var code = await Json(await merchant.Send(HttpMethod.Post, "/v1/merchant/qr-codes", JsonSerializer.Serialize(new { amount, currency = "CNY" })), HttpStatusCode.Created);
        var paid = await Json(await payer.Post("/v1/payments", new { qrPayload = code.GetProperty("payload").GetString(), fromWalletId = wallet, pin = TestData.Pin }, Guid.NewGuid().ToString()),
            HttpStatusCode.Created);
        return paid.GetProperty("paymentId").GetString()!;
    }

    /// <summary>This month's spending once the events have brought it to <paramref name="total"/> (they arrive moments after each commit).</summary>
    private static Task<JsonElement> SpendingOf(ApiCustomer customer, long total)
        => Eventually.Value(async () => await Json(await customer.Http.GetAsync($"/v1/me/spending?month={ThisMonth}"), HttpStatusCode.OK),
            month => month.GetProperty("total").GetInt64() == total, $"this month's spending to reach {total}", TimeSpan.FromSeconds(20));

    private static IEnumerable<(string Name, long Amount, int Count)> Categories(JsonElement month)
        => month.GetProperty("categories").EnumerateArray().Where(c => c.GetProperty("amount").GetInt64() != 0)
            .Select(c => (c.GetProperty("category").GetString()!, c.GetProperty("amount").GetInt64(), c.GetProperty("count").GetInt32()));

    private static async Task<List<JsonElement>> BudgetNotices(ApiCustomer customer)
        => [.. (await Json(await customer.Http.GetAsync("/v1/me/notifications?limit=50"), HttpStatusCode.OK)).GetProperty("items").EnumerateArray()
            .Where(n => n.GetProperty("kind").GetString() == "budget")];
}
