namespace Wallet.Credit;

/// <summary>One instalment of a loan's schedule: when it falls due, and its principal and interest parts.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.ScheduledInstalment")]
public sealed record ScheduledInstalment(
    [property: Id(0)] int Number,
    [property: Id(1)] DateOnly DueOn,
    [property: Id(2)] long Principal,
    [property: Id(3)] long Interest)
{
    public long Amount => Principal + Interest;
}

/// <summary>
/// The equal-instalment (annuity) schedule a consumer loan is repaid by. The monthly rate is the annual rate over twelve;
/// the instalment is the annuity rounded to the minor unit; each month's interest is the balance at the monthly rate,
/// rounded half away from zero; the last instalment takes whatever principal is left. So the principal parts sum to the
/// principal exactly, and the instalments to the principal plus the total interest exactly, whatever the rounding.
/// </summary>
public static class LoanSchedules
{
    /// <summary>The terms the bank lends for, in months.</summary>
    public static readonly IReadOnlyList<int> Terms = [3, 6, 12, 24];

    public static IReadOnlyList<ScheduledInstalment> Annuity(long principal, int annualRateBasisPoints, int months, DateOnly drawnOn)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(principal);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(months);
        ArgumentOutOfRangeException.ThrowIfNegative(annualRateBasisPoints);
        var monthly = annualRateBasisPoints / 120_000m;
        var instalment = monthly == 0 ? principal / months : (long)Math.Round(principal * monthly / (1 - Discount(monthly, months)), MidpointRounding.AwayFromZero);
        var schedule = new List<ScheduledInstalment>(months);
        var balance = principal;
        for (var number = 1; number <= months; number++)
        {
            var interest = InterestOn(balance, monthly);
            var part = number == months ? balance : Math.Clamp(instalment - interest, 0, balance);
            schedule.Add(new ScheduledInstalment(number, DueOn(drawnOn, number), part, interest));
            balance -= part;
        }
        return schedule;
    }

    /// <summary>Instalment <paramref name="number"/> falls due that many months after the drawdown, on its day of the month (the month's last where it has none).</summary>
    public static DateOnly DueOn(DateOnly drawnOn, int number) => drawnOn.AddMonths(number);

    /// <summary>A month's interest on <paramref name="balance"/>.</summary>
    public static long InterestOn(long balance, decimal monthlyRate) => (long)Math.Round(balance * monthlyRate, MidpointRounding.AwayFromZero);

    public static long TotalInterest(IEnumerable<ScheduledInstalment> schedule) => schedule.Sum(i => i.Interest);

    /// <summary>(1 + r)^-n, by multiplication: decimal has no power function, and n is at most a few dozen.</summary>
    private static decimal Discount(decimal monthly, int months)
    {
        var growth = 1m;
        for (var i = 0; i < months; i++)
        {
            growth *= 1 + monthly;
        }
        return 1 / growth;
    }
}
