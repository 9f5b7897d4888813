using System.Net;
using System.Text.Json;
using Wallet.Tests.Infrastructure;
using static Wallet.Tests.Infrastructure.ApiCustomer;
using static Wallet.Tests.Statements.StatementDocuments;

namespace Wallet.Tests.Statements;

/// <summary>
/// The month's statement as JSON, CSV and PDF, each read back as a customer's tools read it (a CSV parser, a PDF's
/// text): the same entries and totals in each, Chinese names and memos intact, opening + in − out = closing.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class StatementsApiTests(ApiFixture api)
{
    private static string ThisMonth => DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_months_statement_reads_the_same_in_json_csv_and_pdf_with_chinese_names_and_memos()
    {
        var noodles = await ApiMerchant.Onboard(api, name: "兰州拉面", nameLatin: "Lanzhou Noodles", category: "5812");
        var alice = await Register(api);
        await Json(await alice.Post("/v1/me/verification", new { name = "韩梅梅", idNumber = TestData.IdNumber() }), HttpStatusCode.OK);
        var (_, wallet, _) = await noodles.PaidBy(api, 2_350, funds: 50_000, payer: alice);
        var bob = await Register(api);
        await Json(await bob.Post("/v1/me/verification", new { name = "李小龙", idNumber = TestData.IdNumber() }), HttpStatusCode.OK);
        var bobWallet = await bob.OpenWallet();
        await Json(await alice.Post("/v1/transfers", new { fromWalletId = wallet, to = new { walletId = bobWallet }, amount = 12_000L, currency = "CNY",
            memo = "房租, 十一月 \"A\"", pin = TestData.Pin }, Guid.NewGuid().ToString()), HttpStatusCode.Created);
        var balance = await alice.Balance(wallet);

        var json = await Bytes(await alice.Http.GetAsync($"/v1/wallets/{wallet}/statements/{ThisMonth}"), "application/json");
        var statement = JsonDocument.Parse(json).RootElement;
        Assert.Equal("open", statement.GetProperty("status").GetString());
        Assert.Equal("韩梅梅", statement.GetProperty("holderName").GetString());
        var (opening, totalIn, totalOut, closing) = (statement.GetProperty("openingBalance").GetInt64(), statement.GetProperty("totalIn").GetInt64(),
            statement.GetProperty("totalOut").GetInt64(), statement.GetProperty("closingBalance").GetInt64());
        Assert.Equal((0L, 50_000L, 14_350L, balance), (opening, totalIn, totalOut, closing));
        var entries = statement.GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal(["top_up", "payment", "transfer"], entries.Select(e => e.GetProperty("kind").GetString()));
        Assert.Equal("兰州拉面", entries[1].GetProperty("counterpartyName").GetString());
        Assert.Equal("dining", entries[1].GetProperty("category").GetString());
        Assert.Equal("李*龙", entries[2].GetProperty("counterpartyName").GetString()); // another customer, masked
        var categories = statement.GetProperty("byCategory").EnumerateArray().ToDictionary(c => c.GetProperty("category").GetString()!, c => (c.GetProperty("in").GetInt64(), c.GetProperty("out").GetInt64()));
        Assert.Equal((0L, 2_350L), categories["dining"]);
        Assert.Equal((0L, 12_000L), categories["transfers"]);
        Assert.Equal((50_000L, 0L), categories["top_ups"]);

        var rows = Csv(await Bytes(await alice.Http.GetAsync($"/v1/wallets/{wallet}/statements/{ThisMonth}?format=csv"), "text/csv"));
        Assert.Equal(["line", "entry_id", "time", "kind", "category", "counterparty", "memo", "amount", "balance", "currency", "movement_id"], rows[0]);
        Assert.Equal(["opening", "entry", "entry", "entry", "total_out", "total_out", "total_in", "total_in", "total_out", "closing"], rows.Skip(1).Select(r => r[0]));
        Assert.Equal("兰州拉面", rows[3][5]);
        Assert.Equal("房租, 十一月 \"A\"", rows[4][6]);
        Assert.Equal(["500.00", "-23.50", "-120.00"], rows[2..5].Select(r => r[7]));
        // The totals by category, in the categories' order, then the month's; each a sum of the entries above it.
        Assert.Equal([("dining", "-23.50"), ("transfers", "-120.00"), ("top_ups", "500.00"), ("", "500.00"), ("", "-143.50")], rows[5..10].Select(r => (r[4], r[7])));
        Assert.Equal(rows[2..5].Where(r => r[7].StartsWith('-')).Sum(r => Minor(r[7])), Minor(rows[9][7]));
        Assert.Equal(Minor(rows[1][8]) + rows[2..5].Sum(r => Minor(r[7])), Minor(rows[10][8]));
        Assert.Equal(closing, Minor(rows[10][8]));

        var pdf = PdfText(await Bytes(await alice.Http.GetAsync($"/v1/wallets/{wallet}/statements/{ThisMonth}?format=pdf"), "application/pdf"));
        Assert.Contains("韩梅梅", pdf);
        Assert.Contains("兰州拉面", pdf);
        Assert.Contains("房租", pdf);
        Assert.Contains(wallet, pdf);
        foreach (var amount in new[] { "500.00", "23.50", "120.00", "143.50", (closing / 100m).ToString("N2", System.Globalization.CultureInfo.InvariantCulture) })
        {
            Assert.Contains(amount, pdf);
        }
        await Books.AssertBalanced(api, wallet, bobWallet, noodles.SettlementWalletId);
    }

    [Fact]
    public async Task The_list_shows_the_months_since_the_wallet_opened_and_bad_months_and_formats_are_refused()
    {
        var alice = await Register(api);
        var wallet = await alice.FundedWallet(1_000);
        var list = await Json(await alice.Http.GetAsync($"/v1/wallets/{wallet}/statements"), HttpStatusCode.OK);
        var month = Assert.Single(list.GetProperty("items").EnumerateArray());
        Assert.Equal((ThisMonth, "open"), (month.GetProperty("month").GetString(), month.GetProperty("status").GetString()));
        Assert.Empty(month.GetProperty("documents").EnumerateArray());

        var lastMonth = DateTime.UtcNow.AddHours(8).AddMonths(-1).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        var nextMonth = DateTime.UtcNow.AddHours(8).AddMonths(1).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        await Problem(await alice.Http.GetAsync($"/v1/wallets/{wallet}/statements/{lastMonth}"), HttpStatusCode.NotFound, "not_found");
        await Problem(await alice.Http.GetAsync($"/v1/wallets/{wallet}/statements/{nextMonth}"), HttpStatusCode.NotFound, "not_found");
        foreach (var bad in new[] { "2026-13", "2026-1", "26-11", "2026-11-01", "november", "0001-01", "9999-12", "2026-00" })
        {
            var problem = await Problem(await alice.Http.GetAsync($"/v1/wallets/{wallet}/statements/{bad}"), HttpStatusCode.BadRequest, "validation_failed");
            Assert.True(problem.GetProperty("errors").TryGetProperty("month", out _), bad);
        }
        var format = await Problem(await alice.Http.GetAsync($"/v1/wallets/{wallet}/statements/{ThisMonth}?format=xml"), HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(format.GetProperty("errors").TryGetProperty("format", out _));

        // Another customer is told there is no such statement, as for a wallet that does not exist.
        var mallory = await Register(api);
        await Problem(await mallory.Http.GetAsync($"/v1/wallets/{wallet}/statements/{ThisMonth}?format=pdf"), HttpStatusCode.NotFound, "not_found");
        await Problem(await mallory.Http.GetAsync($"/v1/wallets/{wallet}/statements"), HttpStatusCode.NotFound, "not_found");
        await Problem(await alice.Http.GetAsync($"/v1/wallets/wal_nothing/statements/{ThisMonth}"), HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task A_receipt_names_both_parties_masked_in_json_and_pdf_and_only_the_owner_gets_it()
    {
        var alice = await Register(api);
        await Json(await alice.Post("/v1/me/verification", new { name = "韩梅梅", idNumber = TestData.IdNumber() }), HttpStatusCode.OK);
        var wallet = await alice.FundedWallet(10_000);
        var bob = await Register(api);
        await Json(await bob.Post("/v1/me/verification", new { name = "李小龙", idNumber = TestData.IdNumber() }), HttpStatusCode.OK);
        var bobWallet = await bob.OpenWallet();
        var sent = await Json(await alice.Post("/v1/transfers", new { fromWalletId = wallet, to = new { walletId = bobWallet }, amount = 2_500L, currency = "CNY",
            memo = "学费", pin = TestData.Pin }, Guid.NewGuid().ToString()), HttpStatusCode.Created);
        var entryId = $"{wallet}.2";

        var receipt = JsonDocument.Parse(await Bytes(await alice.Http.GetAsync($"/v1/wallets/{wallet}/transactions/{entryId}/receipt"), "application/json")).RootElement;
        Assert.Equal((entryId, sent.GetProperty("transferId").GetString(), "transfer", "completed", 2_500L), (receipt.GetProperty("receiptNumber").GetString(),
            receipt.GetProperty("movementId").GetString(), receipt.GetProperty("kind").GetString(), receipt.GetProperty("status").GetString(), receipt.GetProperty("amount").GetInt64()));
        Assert.Equal(("韩*梅", $"wal_…{wallet[^4..]}"), (receipt.GetProperty("payer").GetProperty("name").GetString(), receipt.GetProperty("payer").GetProperty("account").GetString()));
        Assert.Equal(("李*龙", $"wal_…{bobWallet[^4..]}"), (receipt.GetProperty("payee").GetProperty("name").GetString(), receipt.GetProperty("payee").GetProperty("account").GetString()));
        Assert.DoesNotContain(bobWallet, receipt.ToString());
        // The payee's receipt of the same transfer has the sides the same way round.
        var payees = JsonDocument.Parse(await Bytes(await bob.Http.GetAsync($"/v1/wallets/{bobWallet}/transactions/{bobWallet}.1/receipt"), "application/json")).RootElement;
        Assert.Equal(("韩*梅", "李*龙"), (payees.GetProperty("payer").GetProperty("name").GetString(), payees.GetProperty("payee").GetProperty("name").GetString()));

        var pdf = PdfText(await Bytes(await alice.Http.GetAsync($"/v1/wallets/{wallet}/transactions/{entryId}/receipt?format=pdf"), "application/pdf"));
        Assert.Contains("韩*梅", pdf);
        Assert.Contains("李*龙", pdf);
        Assert.Contains("学费", pdf);
        Assert.Contains("25.00", pdf);
        Assert.DoesNotContain("韩梅梅", pdf);

        await Problem(await bob.Http.GetAsync($"/v1/wallets/{wallet}/transactions/{entryId}/receipt"), HttpStatusCode.NotFound, "not_found");
        await Problem(await alice.Http.GetAsync($"/v1/wallets/{wallet}/transactions/{wallet}.99/receipt"), HttpStatusCode.NotFound, "not_found");
        await Problem(await alice.Http.GetAsync($"/v1/wallets/{wallet}/transactions/{bobWallet}.1/receipt"), HttpStatusCode.NotFound, "not_found");
        var csv = await Problem(await alice.Http.GetAsync($"/v1/wallets/{wallet}/transactions/{entryId}/receipt?format=csv"), HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(csv.GetProperty("errors").TryGetProperty("format", out _));
        await Books.AssertBalanced(api, wallet, bobWallet);
    }
}
