using System.Net;
using System.Text.Json;
using Wallet.Tests.Infrastructure;
using static Wallet.Tests.Infrastructure.ApiCustomer;
using static Wallet.Tests.Statements.StatementDocuments;

namespace Wallet.Tests.Statements;

/// <summary>The API with its bank clock in a test's hand, so a month can end while the test watches.</summary>
public sealed class ClockedApiFixture : IAsyncLifetime
{
    public SettableClock Clock { get; } = new(new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero));

    public ApiFixture Api { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Api = ApiFixture.OnBankClock(Clock);
        await Api.InitializeAsync();
    }

    public async Task DisposeAsync() => await Api.DisposeAsync();

    public void SetShanghaiTime(int year, int month, int day, int hour, int minute)
        => Clock.Set(new DateTimeOffset(year, month, day, hour, minute, 0, TimeSpan.FromHours(8)));
}

[CollectionDefinition(Name)]
public sealed class ClockedApiCollection : ICollectionFixture<ClockedApiFixture>
{
    public const string Name = "the API on a fake bank clock";
}

/// <summary>A closed month's statement through HTTP: issued once per format, the same bytes on every fetch, their SHA-256 listed.</summary>
[Collection(ClockedApiCollection.Name)]
public sealed class ClosedStatementsApiTests(ClockedApiFixture fixture)
{
    [Fact]
    public async Task A_closed_months_documents_are_the_same_bytes_every_time_and_the_list_shows_their_sha256()
    {
        var api = fixture.Api;
        fixture.SetShanghaiTime(2026, 11, 20, 10, 0);
        var alice = await Register(api);
        await Json(await alice.Post("/v1/me/verification", new { name = "欧阳娜娜", idNumber = TestData.IdNumber() }), HttpStatusCode.OK);
        var wallet = await alice.FundedWallet(80_000);
        var bob = await Register(api);
        var bobWallet = await bob.OpenWallet();
        await Json(await alice.Post("/v1/transfers", new { fromWalletId = wallet, to = new { walletId = bobWallet }, amount = 6_600L, currency = "CNY",
            memo = "火锅 AA", pin = TestData.Pin }, Guid.NewGuid().ToString()), HttpStatusCode.Created);

        fixture.SetShanghaiTime(2026, 12, 1, 0, 6);
        await Json(await alice.Post("/v1/transfers", alice.TransferBody(wallet, bobWallet, 400), Guid.NewGuid().ToString()), HttpStatusCode.Created);
        var path = $"/v1/wallets/{wallet}/statements/2026-11";
        var csv = await Bytes(await alice.Http.GetAsync(path + "?format=csv"), "text/csv");
        var pdf = await Bytes(await alice.Http.GetAsync(path + "?format=pdf"), "application/pdf");
        var json = await Bytes(await alice.Http.GetAsync(path), "application/json");

        Assert.Equal(csv, await Bytes(await alice.Http.GetAsync(path + "?format=csv"), "text/csv"));
        Assert.Equal(pdf, await Bytes(await alice.Http.GetAsync(path + "?format=pdf"), "application/pdf"));
        Assert.Equal(json, await Bytes(await alice.Http.GetAsync(path), "application/json"));
        var statement = JsonDocument.Parse(json).RootElement;
        Assert.Equal("closed", statement.GetProperty("status").GetString());
        Assert.Equal((0L, 73_400L), (statement.GetProperty("openingBalance").GetInt64(), statement.GetProperty("closingBalance").GetInt64()));
        Assert.Equal(["opening", "entry", "entry", "closing"], Csv(csv).Skip(1).Select(r => r[0]));
        var text = PdfText(pdf);
        Assert.Contains("欧阳娜娜", text);
        Assert.Contains("火锅", text);
        Assert.Contains("734.00", text);

        var months = (await Json(await alice.Http.GetAsync($"/v1/wallets/{wallet}/statements"), HttpStatusCode.OK)).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal([("2026-12", "open"), ("2026-11", "closed")], months.Select(m => (m.GetProperty("month").GetString(), m.GetProperty("status").GetString())));
        var issued = months[1].GetProperty("documents").EnumerateArray().ToDictionary(d => d.GetProperty("format").GetString()!, d => d.GetProperty("sha256").GetString());
        Assert.Equal(new Dictionary<string, string?> { ["json"] = Sha256(json), ["csv"] = Sha256(csv), ["pdf"] = Sha256(pdf) }, issued);
        Assert.Empty(months[0].GetProperty("documents").EnumerateArray());

        // December opens where November closed.
        var december = JsonDocument.Parse(await Bytes(await alice.Http.GetAsync($"/v1/wallets/{wallet}/statements/2026-12"), "application/json")).RootElement;
        Assert.Equal((73_400L, 73_000L, "open"), (december.GetProperty("openingBalance").GetInt64(), december.GetProperty("closingBalance").GetInt64(),
            december.GetProperty("status").GetString()));
        await Books.AssertBalanced(api, wallet, bobWallet);
    }
}
