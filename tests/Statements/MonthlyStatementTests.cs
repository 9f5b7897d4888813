using Wallet.Customers;
using Wallet.Movements;
using Wallet.Statements;
using Wallet.Tests.Infrastructure;
using Wallet.Wallets;

namespace Wallet.Tests.Statements;

/// <summary>
/// Monthly statements on the fake bank clock: a month holds what its book took, across filed pages and a busy wallet's
/// swept tills; consecutive months meet (one's closing is the next one's opening); a closed month is produced once.
/// </summary>
[Collection(ClockedClusterCollection.Name)]
public sealed class MonthlyStatementTests(ClockedClusterFixture fixture)
{
    private readonly Scenario _bank = fixture.Scenario;

    [Fact]
    public async Task A_month_holds_what_its_book_took_across_filed_pages_and_tills_swept_after_midnight()
    {
        fixture.SetShanghaiTime(2026, 11, 30, 23, 50);
        var merchant = await _bank.NewCustomer(CustomerTiers.InPerson); // no balance cap: a capped wallet never uses tills
        var till = await _bank.OpenWallet(merchant);
        var supplier = await _bank.OpenWallet(await _bank.NewCustomer(CustomerTiers.InPerson));
        var payers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => _bank.FundedCustomer(100_000)));
        AbortInjection.AbortSweeps(till, 1_000_000); // what reaches the tills stays there until after midnight
        TransferReceipt[] paid;
        try
        {
            paid = await Task.WhenAll(payers.SelectMany(p => Enumerable.Range(1, 10).Select(n => _bank.Transfer(p.Customer, p.Wallet, till, 100 + n))));
            Assert.True((await fixture.Grains.GetGrain<IWalletGrain>(till).GetFacts())!.ReceivingTills > 0, "200 credits at once switch the wallet to tills");
        }
        finally
        {
            AbortInjection.Clear(till);
        }
        fixture.SetShanghaiTime(2026, 12, 1, 0, 1);
        var total = paid.Sum(r => r.Amount);
        Assert.Equal(MovementStatus.Completed, (await _bank.Transfer(merchant, till, supplier, total)).Status); // drains the tills into the book

        // The book files its full pages of 64 (after the sweep, so the swept credits too): the month is read across them.
        var unfiled = await Eventually.Value(() => fixture.Grains.GetGrain<IWalletBookkeepingGrain>(till).ReadUnfiled(),
            u => u.Count < WalletStatementGrain.PageSize, "the book to file its full pages");
        Assert.Equal((paid.Length + 1) / WalletStatementGrain.PageSize * WalletStatementGrain.PageSize, unfiled.FiledThrough);

        fixture.SetShanghaiTime(2026, 12, 1, 0, 4);
        var stillOpen = (await Month(merchant, till, 2026, 11).Get(merchant.Id, StatementFormat.Json)).Statement;
        Assert.False(stillOpen.Closed, "a month stays open for its grace after midnight");
        fixture.SetShanghaiTime(2026, 12, 1, 0, 6);
        var november = (await Month(merchant, till, 2026, 11).Get(merchant.Id, StatementFormat.Json)).Statement;
        var december = (await Month(merchant, till, 2026, 12).Get(merchant.Id, StatementFormat.Json)).Statement;

        Assert.True(november.Closed);
        Assert.False(december.Closed);
        Assert.Equal(0, november.OpeningBalance);
        Assert.Equal(november.ClosingBalance, december.OpeningBalance);
        Assert.Equal(0, december.ClosingBalance);
        // Every entry of the wallet (filed in pages or still in the book) in exactly one month, in order, none twice.
        var lines = november.Lines.Concat(december.Lines).ToList();
        Assert.Equal(Enumerable.Range(1, paid.Length + 1).Select(n => (long)n), lines.Select(l => l.Sequence));
        Assert.True(november.Lines.Count > 0 && november.Lines.Count < paid.Length, $"some credits reached the book in November, the rest the tills: {november.Lines.Count}");
        Assert.All(november.Lines, l => Assert.Equal(EntryDirection.In, l.Direction));
        // The credits swept after midnight are December's, dated when the tills received them in November.
        var swept = december.Lines.Where(l => l.Direction == EntryDirection.In).ToList();
        Assert.Equal(paid.Length - november.Lines.Count, swept.Count);
        Assert.All(swept, l => Assert.True(l.CreatedAt < new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.FromHours(8))));
        Assert.Equal(november.ClosingBalance, november.TotalIn);
        Assert.Equal(november.OpeningBalance + november.TotalIn - november.TotalOut, november.ClosingBalance);
        Assert.Equal(december.OpeningBalance + december.TotalIn - december.TotalOut, december.ClosingBalance);
        Assert.Equal(total, november.TotalIn + december.TotalIn);
        Assert.Equal([new CategoryTotal(Wallet.Bills.SpendingCategory.Transfers, swept.Sum(l => l.Amount), total)], december.ByCategory);
        // A search finds the swept credits as it finds the ones the book took, in filed pages or not: every payer's 105 fen.
        var found = await _bank.Search(merchant, till, new EntryQuery(7, null, null, null, MovementKind.Transfer, MinAmount: 105, MaxAmount: 105));
        Assert.Equal(lines.Where(l => l.Amount == 105).Select(l => l.Sequence).Reverse(), found.Select(e => e.Sequence));
        Assert.Equal(payers.Length, found.Count);
        await _bank.AssertBooksBalance();
    }

    [Fact]
    public async Task A_closed_month_is_produced_once_and_keeps_the_first_document_issued_in_each_format()
    {
        fixture.SetShanghaiTime(2026, 10, 15, 12, 0);
        var (alice, wallet) = await _bank.FundedCustomer(10_000);
        var bob = await _bank.OpenWallet(await _bank.NewCustomer());
        await _bank.Transfer(alice, wallet, bob, 1_000);
        var october = Month(alice, wallet, 2026, 10);
        Assert.Null((await october.Get(alice.Id, StatementFormat.Csv)).Issued);
        await Assert.ThrowsAsync<InvalidOperationException>(() => october.Issue(alice.Id, StatementFormat.Csv, [1, 2, 3])); // an open month is not issued

        fixture.SetShanghaiTime(2026, 11, 2, 9, 0);
        var closed = (await october.Get(alice.Id, StatementFormat.Csv)).Statement;
        await _bank.Transfer(alice, wallet, bob, 2_000); // November's; October's statement is kept as produced
        var first = await october.Issue(alice.Id, StatementFormat.Csv, [1, 2, 3]);
        var second = await october.Issue(alice.Id, StatementFormat.Csv, [4, 5, 6]);
        var again = await october.Get(alice.Id, StatementFormat.Csv);

        Assert.True(closed.Closed);
        Assert.Equal((0L, 9_000L, 2), (closed.OpeningBalance, closed.ClosingBalance, closed.Lines.Count));
        Assert.Equal(new byte[] { 1, 2, 3 }, second.Content);
        Assert.Equal(first.Sha256, second.Sha256);
        Assert.Equal(first.Sha256, again.Issued!.Sha256);
        Assert.Equal(closed.ProducedAt, again.Statement.ProducedAt);
        Assert.Null((await october.Get(alice.Id, StatementFormat.Pdf)).Issued);
        var listed = await october.Describe(alice.Id);
        Assert.Equal([new IssuedDigest(StatementFormat.Csv, first.Sha256, first.IssuedAt)], listed.Issued);
        var november = (await Month(alice, wallet, 2026, 11).Get(alice.Id, StatementFormat.Json)).Statement;
        Assert.Equal((9_000L, 7_000L), (november.OpeningBalance, november.ClosingBalance));
        await Assert.ThrowsAsync<Refusals.WalletRefusedException>(() => october.Get(bob, StatementFormat.Json));
        await _bank.AssertBooksBalance();
    }

    private IMonthlyStatementGrain Month(TestCustomer owner, string wallet, int year, int month)
        => fixture.Grains.GetGrain<IMonthlyStatementGrain>(StatementMonths.Key(wallet, new DateOnly(year, month, 1)));
}
