using Wallet.Wallets;

namespace Wallet.Bills.Analysis;

/// <summary>
/// A spending movement as the ledger holds it: one entry of the customer's wallets, in the category the owner gave it
/// or its movement posted it with. A refund's entry is posted as <c>refunds</c> while the analysis counts it in the
/// category it gives back to, so without the owner's own category its category is not compared (null).
/// </summary>
public sealed record BookedSpending(string MovementId, string WalletId, long Amount, string Currency, SpendingCategory? Category, DateTimeOffset BookedAt)
{
    /// <summary>
    /// The wallet's entries booked in [<paramref name="from"/>, <paramref name="until"/>) that count as spending, read
    /// through its statement (the book and the filed pages) a page at a time, as its owner reads them.
    /// </summary>
    public static async Task<List<BookedSpending>> Read(IGrainFactory grains, string ownerId, string walletId, DateTimeOffset from, DateTimeOffset until,
        IReadOnlySet<string> ownWallets)
    {
        const int PageSize = 200;
        var statement = grains.GetGrain<IWalletStatementGrain>(walletId);
        var booked = new List<BookedSpending>();
        long? before = null;
        do
        {
            var page = await statement.GetEntries(ownerId, new EntryQuery(PageSize, before, from, until, null));
            foreach (var entry in page.Items)
            {
                if (SpendingRules.Of(entry, counterparty => counterparty is not null && ownWallets.Contains(counterparty)) is not { } amount)
                {
                    continue;
                }
                var own = page.Notes?.GetValueOrDefault(entry.Sequence)?.Category;
                var category = own ?? (entry.Kind == MovementKind.Refund ? null : SpendingCategories.Of(entry));
                booked.Add(new BookedSpending(entry.MovementId, walletId, amount, entry.Currency, category, entry.CreatedAt));
            }
            before = page.NextBeforeSequence;
        }
        while (before is not null);
        return booked;
    }
}
