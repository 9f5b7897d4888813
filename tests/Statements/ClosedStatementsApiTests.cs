using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using Wallet.Tests.Infrastructure;
using static Wallet.Tests.Infrastructure.ApiCustomer;
using static Wallet.Tests.Statements.StatementDocuments;

namespace Wallet.Tests.Statements;

/// <summary>
/// A closed month's statement through HTTP, on PostgreSQL with the bank clock in the test's hand: issued once per format,
/// the same bytes on every fetch and after the host (its silo) restarts, their SHA-256 in the list of statements.
/// </summary>
[Collection(TopologyCollection.Name)]
public sealed class ClosedStatementsApiTests
{
    [Trait("Speed", "Slow")]
    [Fact]
    public async Task A_closed_months_documents_are_the_same_bytes_every_time_and_after_a_restart()
    {
        var clock = new SettableClock(Shanghai(2026, 11, 20, 10, 0));
        var settings = PostgresServer.Settings(await PostgresServer.CreateDatabase());
        settings["Wallet:Auth:SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)); // the host after the restart takes the same tokens
        string wallet, token;
        byte[] csv, pdf, json;
        await using (var api = ApiFixture.OnBankClock(clock, settings))
        {
            await api.InitializeAsync();
            var alice = await Register(api);
            await Json(await alice.Post("/v1/me/verification", new { name = "欧阳娜娜", idNumber = TestData.IdNumber() }), HttpStatusCode.OK);
            wallet = await alice.FundedWallet(80_000);
            var bob = await Register(api);
            var bobWallet = await bob.OpenWallet();
            await Json(await alice.Post("/v1/transfers", new { fromWalletId = wallet, to = new { walletId = bobWallet }, amount = 6_600L, currency = "CNY",
                memo = "火锅 AA", pin = TestData.Pin }, Guid.NewGuid().ToString()), HttpStatusCode.Created);

            clock.Set(Shanghai(2026, 12, 1, 0, 6));
            await Json(await alice.Post("/v1/transfers", alice.TransferBody(wallet, bobWallet, 400), Guid.NewGuid().ToString()), HttpStatusCode.Created);
            var path = $"/v1/wallets/{wallet}/statements/2026-11";
            csv = await Bytes(await alice.Http.GetAsync(path + "?format=csv"), "text/csv");
            pdf = await Bytes(await alice.Http.GetAsync(path + "?format=pdf"), "application/pdf");
            json = await Bytes(await alice.Http.GetAsync(path), "application/json");

            Assert.Equal(csv, await Bytes(await alice.Http.GetAsync(path + "?format=csv"), "text/csv"));
            Assert.Equal(pdf, await Bytes(await alice.Http.GetAsync(path + "?format=pdf"), "application/pdf"));
            Assert.Equal(json, await Bytes(await alice.Http.GetAsync(path), "application/json"));
            var statement = JsonDocument.Parse(json).RootElement;
            Assert.Equal("closed", statement.GetProperty("status").GetString());
            Assert.Equal((0L, 73_400L), (statement.GetProperty("openingBalance").GetInt64(), statement.GetProperty("closingBalance").GetInt64()));
            Assert.Equal(["opening", "entry", "entry", "total_out", "total_in", "total_in", "total_out", "closing"], Csv(csv).Skip(1).Select(r => r[0]));
            var text = PdfText(pdf);
            Assert.Contains("欧阳娜娜", text);
            Assert.Contains("火锅", text);
            Assert.Contains("734.00", text);

            // December opens where November closed.
            var december = JsonDocument.Parse(await Bytes(await alice.Http.GetAsync($"/v1/wallets/{wallet}/statements/2026-12"), "application/json")).RootElement;
            Assert.Equal((73_400L, 73_000L, "open"), (december.GetProperty("openingBalance").GetInt64(), december.GetProperty("closingBalance").GetInt64(),
                december.GetProperty("status").GetString()));
            await Books.AssertBalanced(api, wallet, bobWallet);
            token = alice.Http.DefaultRequestHeaders.Authorization!.Parameter!;
        }

        // A new host on the same database, its PDF fonts gone: what was issued comes back byte for byte; nothing new is drawn.
        settings["Wallet:Documents:CjkFont"] = "/nonexistent/font.ttf";
        clock.Set(Shanghai(2026, 12, 2, 9, 0));
        await using (var restarted = ApiFixture.OnBankClock(clock, settings))
        {
            await restarted.InitializeAsync();
            var http = restarted.CreateClient();
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var path = $"/v1/wallets/{wallet}/statements/2026-11";
            Assert.Equal(csv, await Bytes(await http.GetAsync(path + "?format=csv"), "text/csv"));
            Assert.Equal(pdf, await Bytes(await http.GetAsync(path + "?format=pdf"), "application/pdf"));
            Assert.Equal(json, await Bytes(await http.GetAsync(path), "application/json"));
            var months = (await Json(await http.GetAsync($"/v1/wallets/{wallet}/statements"), HttpStatusCode.OK)).GetProperty("items").EnumerateArray().ToList();
            Assert.Equal([("2026-12", "open"), ("2026-11", "closed")], months.Select(m => (m.GetProperty("month").GetString(), m.GetProperty("status").GetString())));
            var issued = months[1].GetProperty("documents").EnumerateArray().ToDictionary(d => d.GetProperty("format").GetString()!, d => d.GetProperty("sha256").GetString());
            Assert.Equal(new Dictionary<string, string?> { ["json"] = Sha256(json), ["csv"] = Sha256(csv), ["pdf"] = Sha256(pdf) }, issued);
            Assert.Empty(months[0].GetProperty("documents").EnumerateArray());
            var missing = await Problem(await http.GetAsync($"/v1/wallets/{wallet}/statements/2026-12?format=pdf"), HttpStatusCode.ServiceUnavailable, "document_unavailable");
            Assert.Contains("/nonexistent/font.ttf", missing.GetProperty("detail").GetString());
            await Problem(await http.GetAsync($"/v1/wallets/{wallet}/transactions/{wallet}.1/receipt?format=pdf"), HttpStatusCode.ServiceUnavailable, "document_unavailable");
        }
    }

    private static DateTimeOffset Shanghai(int year, int month, int day, int hour, int minute) => new(year, month, day, hour, minute, 0, TimeSpan.FromHours(8));
}
