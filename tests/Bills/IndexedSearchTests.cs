using Wallet.Bills;
using Wallet.Tests.Infrastructure;
using Wallet.Wallets;

namespace Wallet.Tests.Bills;

/// <summary>
/// Searches that walk the index of a wallet's filed entries (by counterparty, category, kind, memo text, tag) find exactly
/// what reading every entry finds, page by page, with the owner's notes moving entries between categories.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class IndexedSearchTests(ClusterFixture fixture)
{
    private readonly Scenario _bank = fixture.Scenario;

    [Fact]
    public async Task Every_filter_finds_across_filed_pages_what_reading_every_entry_finds()
    {
        var alice = await _bank.NewCustomer();
        var wallet = await _bank.OpenWallet(alice);
        var payers = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => _bank.FundedCustomer(100_000)));
        string? Memo(int i) => i % 7 == 0 ? $"Rent 房租 #{i}" : i % 11 == 0 ? "coffee" : i % 13 == 0 ? "ab" : null;
        foreach (var chunk in Enumerable.Range(0, 240).Chunk(8))
        {
            await Task.WhenAll(chunk.Select(i => i % 10 == 9
                ? _bank.Transfer(alice, wallet, payers[0].Wallet, 5, memo: "Lunch")
                : _bank.Transfer(payers[i % 3].Customer, payers[i % 3].Wallet, wallet, 1 + (i % 50), memo: Memo(i))));
        }
        var unfiled = 0;
        await Eventually.Until(async () => (unfiled = (await fixture.Grains.GetGrain<IWalletBookkeepingGrain>(wallet).ReadUnfiled()).Count) < WalletStatementGrain.PageSize,
            "the book to file its full pages", lastSeen: () => $"{unfiled} entries unfiled");
        var notes = fixture.Grains.GetGrain<IEntryNotesGrain>(wallet);
        await notes.Annotate(alice.Id, 5, new EntryNote(SpendingCategory.Dining, "birthday gift", ["family"]));
        await notes.Annotate(alice.Id, 100, new EntryNote(null, null, ["Family"]));
        var all = await Pages(alice, wallet, new EntryQuery(50, null, null, null, null));
        var noted = await notes.All();
        Assert.Equal(240, all.Count);

        var middle = all[120].CreatedAt;
        EntryQuery[] queries =
        [
            new(7, null, null, null, null, Counterparty: payers[0].Wallet),
            new(7, null, null, null, null, Counterparty: payers[1].Wallet, Text: "rent"),
            new(7, null, null, null, null, Category: SpendingCategory.Dining),
            new(7, null, null, null, null, Category: SpendingCategory.Transfers, MinAmount: 10, MaxAmount: 20),
            new(7, null, null, null, MovementKind.Transfer, MaxAmount: 3),
            new(7, null, null, null, null, Text: "房租"),
            new(7, null, null, null, null, Text: "RENT 房"),
            new(7, null, null, null, null, Text: "offe"),
            new(7, null, null, null, null, Text: "ab"),
            new(7, null, null, null, null, Text: "a"),
            new(7, null, null, null, null, Text: "gift"),
            new(7, null, null, null, null, Text: "nothing like it"),
            new(7, null, null, null, null, Tag: "FAMILY"),
            new(7, null, middle, null, null),
            new(7, null, null, middle, null, Text: "lunch"),
        ];
        foreach (var query in queries)
        {
            var expected = all.Where(e => query.Matches(e, noted.GetValueOrDefault(e.Sequence))).Select(e => e.Sequence).ToList();
            var found = (await Pages(alice, wallet, query)).Select(e => e.Sequence).ToList();
            Assert.True(expected.SequenceEqual(found), $"{query}: expected [{string.Join(",", expected)}], found [{string.Join(",", found)}]");
        }
        Assert.Equal([5L], (await Pages(alice, wallet, queries[2])).Select(e => e.Sequence)); // re-categorised: only there
        Assert.DoesNotContain(5L, (await Pages(alice, wallet, new EntryQuery(500, null, null, null, null, Category: SpendingCategory.Transfers))).Select(e => e.Sequence));
        await _bank.AssertBooksBalance();
    }

    private Task<List<WalletEntry>> Pages(TestCustomer owner, string walletId, EntryQuery query) => _bank.Search(owner, walletId, query);
}
