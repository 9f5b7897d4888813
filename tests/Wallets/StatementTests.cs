using Wallet.Tests.Infrastructure;
using Wallet.Wallets;

namespace Wallet.Tests.Wallets;

/// <summary>A busy wallet's older entries move to its statement in pages; its history reads the same as if they had stayed.</summary>
[Collection(ClusterCollection.Name)]
public sealed class StatementTests(ClusterFixture fixture)
{
    private const int Payments = 3 * WalletStatementGrain.PageSize + 10;
    private readonly Scenario _bank = fixture.Scenario;

    [Fact]
    public async Task A_wallet_paid_hundreds_of_times_keeps_a_small_book_and_its_whole_history_in_order()
    {
        var (payer, payerWallet) = await _bank.FundedCustomer(100_000);
        var merchant = await _bank.NewCustomer();
        var till = await _bank.OpenWallet(merchant);

        foreach (var chunk in Enumerable.Range(1, Payments).Chunk(16))
        {
            await Task.WhenAll(chunk.Select(amount => _bank.Transfer(payer, payerWallet, till, amount)));
        }

        // A merchant paid this fast may receive through tills: a payment shows in its history once swept.
        var history = await Eventually.Value(() => WholeHistory(merchant, till, pageSize: 30), h => h.Count == Payments, "every payment in the history");
        var unfiled = 0;
        await Eventually.Until(async () => (unfiled = (await fixture.Grains.GetGrain<IWalletBookkeepingGrain>(till).ReadUnfiled()).Count) < WalletStatementGrain.PageSize,
            "the merchant's book to file its full pages", lastSeen: () => $"{unfiled} entries unfiled");
        history = await WholeHistory(merchant, till, pageSize: 30);
        Assert.Equal(Enumerable.Range(1, Payments).Reverse().Select(n => (long)n), history.Select(e => e.Sequence));
        Assert.Equal(Enumerable.Range(1, Payments).Sum(), history.Sum(e => e.Amount));
        Assert.Equal(history[0].BalanceAfter, await _bank.Balance(merchant, till));
        Assert.All(history.Zip(history.Skip(1)), pair => Assert.Equal(pair.First.BalanceAfter - pair.First.Amount, pair.Second.BalanceAfter));
        await _bank.AssertBooksBalance();
    }

    [Theory]
    [InlineData(63, 64, true)]
    [InlineData(64, 65, false)]
    [InlineData(79, 80, true)]
    [InlineData(60, 74, true)]
    [InlineData(70, 74, false)]
    [InlineData(74, 90, true)]
    [InlineData(10, 40, false)]
    public void Filing_is_asked_for_when_the_book_reaches_a_page_and_each_quarter_page_after(int before, int after, bool due)
        => Assert.Equal(due, WalletStatementGrain.IsDue(before, after));

    [Fact]
    public async Task A_filter_finds_entries_that_were_filed_long_ago()
    {
        var (payer, payerWallet) = await _bank.FundedCustomer(100_000);
        var friend = await _bank.OpenWallet(await _bank.NewCustomer());
        foreach (var chunk in Enumerable.Range(1, 2 * WalletStatementGrain.PageSize).Chunk(16))
        {
            await Task.WhenAll(chunk.Select(_ => _bank.Transfer(payer, payerWallet, friend, 1)));
        }
        await Eventually.Until(async () => (await fixture.Grains.GetGrain<IWalletBookkeepingGrain>(payerWallet).ReadUnfiled()).Count < WalletStatementGrain.PageSize,
            "the payer's book to file its full pages");

        var topUps = await fixture.Grains.GetGrain<IWalletStatementGrain>(payerWallet)
            .GetEntries(payer.Id, new EntryQuery(5, null, null, null, MovementKind.TopUp));

        var topUp = Assert.Single(topUps.Items);
        Assert.Equal(1, topUp.Sequence);
        Assert.Equal(100_000, topUp.Amount);
        Assert.Null(topUps.NextBeforeSequence);
        await _bank.AssertBooksBalance();
    }

    [Fact]
    public async Task A_search_by_counterparty_and_amount_pages_through_the_book_and_the_filed_pages_alike()
    {
        var (payer, payerWallet) = await _bank.FundedCustomer(100_000);
        var friend = await _bank.OpenWallet(await _bank.NewCustomer());
        var other = await _bank.OpenWallet(await _bank.NewCustomer());
        // Transfer n (1..150) goes to the friend when n is a multiple of 3, else to the other; n fen each.
        foreach (var chunk in Enumerable.Range(1, 150).Chunk(10))
        {
            foreach (var n in chunk)
            {
                await _bank.Transfer(payer, payerWallet, n % 3 == 0 ? friend : other, n);
            }
        }
        await Eventually.Until(async () => (await fixture.Grains.GetGrain<IWalletBookkeepingGrain>(payerWallet).ReadUnfiled()).Count < WalletStatementGrain.PageSize,
            "the payer's book to file its full pages");

        var query = new EntryQuery(7, null, null, null, null, Counterparty: friend, MinAmount: 30, MaxAmount: 120);
        var found = await WholeHistory(payer, payerWallet, query);
        Assert.Equal(Enumerable.Range(30, 91).Where(n => n % 3 == 0).Reverse().Select(n => (long)n), found.Select(e => e.Amount));
        Assert.All(found, e => Assert.Equal(Wallet.Bills.SpendingCategory.Transfers, Wallet.Bills.SpendingCategories.Of(e)));
        await _bank.AssertBooksBalance();
    }

    private Task<List<WalletEntry>> WholeHistory(TestCustomer owner, string walletId, int pageSize)
        => WholeHistory(owner, walletId, new EntryQuery(pageSize, null, null, null, null));

    private Task<List<WalletEntry>> WholeHistory(TestCustomer owner, string walletId, EntryQuery query) => _bank.Search(owner, walletId, query);
}
