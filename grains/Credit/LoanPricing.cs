namespace Wallet.Credit;

/// <summary>
/// What a drawn loan owes on a bank day. An instalment is owed in full from its due day; the day after, unpaid, it is
/// overdue and owes late interest of <see cref="LoanTerms.LateBasisPointsPerDay"/> of it for each day late (rounded down).
/// Repaying everything early costs the principal left, the interest of every instalment already due, and the interest
/// the current month has run so far: the principal it started with, at the annual rate, for its days over 365 (rounded
/// half away from zero), never more than the month's scheduled interest. Later months' interest is not charged.
/// </summary>
public static class LoanPricing
{
    public static InstalmentStatus StatusOf(ScheduledInstalment instalment, bool paid, DateOnly today)
        => paid ? InstalmentStatus.Paid
            : today < instalment.DueOn ? InstalmentStatus.Upcoming
            : today == instalment.DueOn ? InstalmentStatus.Due
            : InstalmentStatus.Overdue;

    public static long LateInterest(LoanTerms terms, ScheduledInstalment instalment, DateOnly today)
        => today > instalment.DueOn ? checked(instalment.Amount * terms.LateBasisPointsPerDay * (today.DayNumber - instalment.DueOn.DayNumber)) / 10_000 : 0;

    /// <summary>One instalment, with its late interest on <paramref name="today"/>.</summary>
    public static PaidInstalment Instalment(LoanTerms terms, ScheduledInstalment instalment, string by, DateOnly today)
        => new(by, today, instalment.Principal, instalment.Interest, LateInterest(terms, instalment, today));

    /// <summary>Every unpaid instalment settled by one early repayment on <paramref name="today"/>: the split each is paid with.</summary>
    public static IReadOnlyList<(int Number, PaidInstalment Paid)> Payoff(LoanTerms terms, IReadOnlySet<int> paid, string by, DateOnly today)
    {
        var settled = new List<(int, PaidInstalment)>();
        var opening = terms.Principal;
        var start = terms.DrawnOn;
        foreach (var instalment in terms.Schedule)
        {
            if (!paid.Contains(instalment.Number))
            {
                var interest = instalment.DueOn <= today ? instalment.Interest
                    : start <= today ? Math.Min(instalment.Interest, Accrued(opening, terms.AnnualRateBasisPoints, today.DayNumber - start.DayNumber))
                    : 0;
                settled.Add((instalment.Number, new PaidInstalment(by, today, instalment.Principal, interest, LateInterest(terms, instalment, today))));
            }
            opening -= instalment.Principal;
            start = instalment.DueOn;
        }
        return settled;
    }

    private static long Accrued(long principal, int annualRateBasisPoints, int days)
        => (long)Math.Round(principal * (annualRateBasisPoints / 10_000m) * days / 365m, MidpointRounding.AwayFromZero);
}

/// <summary>How one instalment was paid: by which repayment, on which bank day, and the principal, interest and late interest it took.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.PaidInstalment")]
public sealed record PaidInstalment(
    [property: Id(0)] string By,
    [property: Id(1)] DateOnly On,
    [property: Id(2)] long Principal,
    [property: Id(3)] long Interest,
    [property: Id(4)] long LateInterest)
{
    public long Amount => Principal + Interest + LateInterest;
}
