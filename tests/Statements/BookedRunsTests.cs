using Wallet.Statements;
using Wallet.Wallets;

namespace Wallet.Tests.Statements;

/// <summary>How a wallet's entries are cut into months, and the check no statement is issued without.</summary>
public sealed class BookedRunsTests
{
    private static readonly DateTimeOffset November = new(2026, 11, 1, 0, 0, 0, TimeSpan.FromHours(8));
    private static readonly DateTimeOffset December = new(2026, 12, 1, 0, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void Months_meet_at_the_first_entry_booked_after_midnight_whatever_its_date()
    {
        var entries = Book(
            (100, December.AddMinutes(-10), null),
            (200, December.AddSeconds(-1), December.AddMinutes(2)), // received before midnight, swept after
            (-50, December.AddMinutes(1), null),
            (300, December.AddMinutes(-5), December.AddMinutes(3)));

        var november = BookedRuns.Of(entries, November, December);
        var december = BookedRuns.Of(entries, December, December.AddMonths(1));

        Assert.Equal((0L, 100L, true), (november.Opening, november.Closing, november.Ended));
        Assert.Equal([1L], november.Entries.Select(e => e.Sequence));
        Assert.Equal((100L, 550L, false), (december.Opening, december.Closing, december.Ended));
        Assert.Equal([2L, 3L, 4L], december.Entries.Select(e => e.Sequence));
        BookedRuns.Check(november);
        BookedRuns.Check(december);
        // A month with nothing booked opens and closes at the balance before it.
        var october = BookedRuns.Of(entries, November.AddMonths(-1), November);
        Assert.Equal((0L, 0L, 0), (october.Opening, october.Closing, october.Entries.Count));
        var january = BookedRuns.Of(entries, December.AddMonths(1), December.AddMonths(2));
        Assert.Equal((550L, 550L, 0), (january.Opening, january.Closing, january.Entries.Count));
    }

    [Fact]
    public void The_check_refuses_a_run_with_a_gap_or_a_balance_its_entries_do_not_explain()
    {
        var entries = Book((100, November.AddDays(1), null), (200, November.AddDays(2), null), (-30, November.AddDays(3), null));
        var run = BookedRuns.Of(entries, November, December);
        BookedRuns.Check(run);

        var gap = run with { Entries = [run.Entries[0], run.Entries[2]] };
        Assert.Contains("skip", Assert.Throws<InvalidOperationException>(() => BookedRuns.Check(gap)).Message);
        var altered = run with { Entries = [run.Entries[0], run.Entries[1] with { Amount = 201 }, run.Entries[2]] };
        Assert.Contains("Entry 2", Assert.Throws<InvalidOperationException>(() => BookedRuns.Check(altered)).Message);
        var wrongOpening = run with { Opening = 1 };
        Assert.Throws<InvalidOperationException>(() => BookedRuns.Check(wrongOpening));
    }

    /// <summary>A wallet's entries from signed amounts, each dated and (where it differs) booked as given.</summary>
    private static List<WalletEntry> Book(params (long Amount, DateTimeOffset At, DateTimeOffset? BookedAt)[] lines)
    {
        var balance = 0L;
        return [.. lines.Select((line, i) =>
        {
            balance += line.Amount;
            return new WalletEntry(i + 1, $"mv_{i}", MovementKind.Transfer, line.Amount > 0 ? EntryDirection.In : EntryDirection.Out, Math.Abs(line.Amount),
                "CNY", balance, null, null, line.At, null, line.BookedAt);
        })];
    }
}
