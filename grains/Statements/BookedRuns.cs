using Wallet.Wallets;

namespace Wallet.Statements;

/// <summary>
/// Cuts a wallet's entries into statement periods by when the book took them (<see cref="WalletEntry.Booked"/>), not by
/// their dates: a busy wallet's tills are swept into the book a little later, dated when the credits were received. A
/// period is the run of entry numbers from the first booked in it to the one before the first booked after it, so
/// consecutive periods share their edge, every entry falls in exactly one (a credit received at 23:59:59 and booked
/// after midnight in the next), and each period's closing balance is the next one's opening. Scanned rather than
/// searched, so a clock that stepped back between two silos cannot lose an entry between periods.
/// </summary>
public static class BookedRuns
{
    /// <summary>The run of <paramref name="ascending"/> (every entry of the wallet, by sequence) booked in the period [start, end).</summary>
    public static BookedRun Of(IReadOnlyList<WalletEntry> ascending, DateTimeOffset start, DateTimeOffset end)
    {
        var first = FirstAtOrAfter(ascending, start, 0);
        if (first < 0)
        {
            return new BookedRun(ascending.Count == 0 ? 0 : ascending[^1].BalanceAfter, [], Ended: false);
        }
        var after = FirstAtOrAfter(ascending, end, first);
        // Before a wallet's first entry its balance was nothing.
        var opening = first == 0 ? 0 : ascending[first - 1].BalanceAfter;
        var run = ascending.Skip(first).Take((after < 0 ? ascending.Count : after) - first).ToList();
        return new BookedRun(opening, run, Ended: after >= 0);
    }

    /// <summary>
    /// Throws unless the run adds up: its entries numbered without a gap, each balance the one before it moved by the
    /// entry, so opening + what came in − what went out = closing. A statement is never issued from a run that does not.
    /// </summary>
    public static void Check(BookedRun run)
    {
        var balance = run.Opening;
        for (var i = 0; i < run.Entries.Count; i++)
        {
            var entry = run.Entries[i];
            if (i > 0 && entry.Sequence != run.Entries[i - 1].Sequence + 1)
            {
                throw new InvalidOperationException($"The statement's entries skip from {run.Entries[i - 1].Sequence} to {entry.Sequence}.");
            }
            balance = entry.Direction == EntryDirection.In ? checked(balance + entry.Amount) : checked(balance - entry.Amount);
            if (balance != entry.BalanceAfter)
            {
                throw new InvalidOperationException($"Entry {entry.Sequence} leaves {entry.BalanceAfter}, but the entries before it add up to {balance}.");
            }
        }
    }

    private static int FirstAtOrAfter(IReadOnlyList<WalletEntry> ascending, DateTimeOffset at, int from)
    {
        for (var i = from; i < ascending.Count; i++)
        {
            if (ascending[i].Booked >= at)
            {
                return i;
            }
        }
        return -1;
    }
}
