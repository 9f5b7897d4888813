using Wallet.Customers;
using Wallet.Hosting;
using Wallet.Limits;

namespace Wallet.Bills.Analysis;

/// <summary>
/// Puts the ledger's spending movements of a month beside the read model's, movement by movement. An event's time is
/// when its movement was accepted, never after its entry was booked (a transfer held for review is booked when an
/// operator releases it), so the months of the two sides may differ for a movement at a month's edge: a counted
/// movement is looked for in the ledger up to the end of the next month, and a booked one is taken as counted when
/// the month before counted it.
/// </summary>
[StatelessWorker]
public sealed class SpendingReconciliationGrain(LimitSchedule calendar, [FromKeyedServices(WalletClock.Key)] TimeProvider clock)
    : Grain, ISpendingReconciliationGrain
{
    public async Task<SpendingReconciliation> Reconcile(string customerId, SpendingMonth month)
    {
        var wallets = (await GrainFactory.GetGrain<ICustomerGrain>(customerId).ListWallets()).Select(w => w.WalletId).ToHashSet(StringComparer.Ordinal);
        var (from, until, lookUntil) = (calendar.DayStart(month.FirstDay), calendar.DayStart(month.Next.FirstDay), calendar.DayStart(month.Next.Next.FirstDay));
        var reads = wallets.Select(wallet => BookedSpending.Read(GrainFactory, customerId, wallet, from, lookUntil, wallets));
        var booked = (await Task.WhenAll(reads)).SelectMany(b => b).GroupBy(b => b.MovementId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var counted = await Month(customerId, month).GetCounted();
        var countedBefore = (await Month(customerId, month.Previous).GetCounted()).Select(c => c.MovementId).ToHashSet(StringComparer.Ordinal);

        var differences = new List<SpendingDifference>();
        foreach (var item in counted)
        {
            if (!booked.TryGetValue(item.MovementId, out var entry))
            {
                differences.Add(new(item.MovementId, SpendingDifferenceKind.MissingFromLedger, item.WalletId, null, item.Amount, null, item.Category, item.Currency));
            }
            else if (entry.Amount != item.Amount || entry.Currency != item.Currency)
            {
                differences.Add(new(item.MovementId, SpendingDifferenceKind.AmountDiffers, entry.WalletId, entry.Amount, item.Amount, entry.Category, item.Category, entry.Currency));
            }
            else if (entry.Category is { } category && category != item.Category)
            {
                differences.Add(new(item.MovementId, SpendingDifferenceKind.CategoryDiffers, entry.WalletId, entry.Amount, item.Amount, category, item.Category, entry.Currency));
            }
        }
        var countedHere = counted.Select(c => c.MovementId).ToHashSet(StringComparer.Ordinal);
        var inMonth = booked.Values.Where(b => b.BookedAt < until).ToList();
        differences.AddRange(inMonth.Where(b => !countedHere.Contains(b.MovementId) && !countedBefore.Contains(b.MovementId))
            .Select(b => new SpendingDifference(b.MovementId, SpendingDifferenceKind.MissingFromAnalysis, b.WalletId, b.Amount, null, b.Category, null, b.Currency)));
        return new SpendingReconciliation(customerId, month, inMonth.Count, counted.Count, differences, clock.GetUtcNow());
    }

    private ISpendingMonthGrain Month(string customerId, SpendingMonth month) => GrainFactory.GetGrain<ISpendingMonthGrain>(month.KeyFor(customerId));
}
