namespace Wallet.Limits;

/// <summary>
/// What a wallet has spent on the bank's current day and in its current year (Asia/Shanghai calendar).
/// A new day or year starts from nothing: <see cref="On"/> rolls the counters forward.
/// </summary>
[GenerateSerializer, Immutable, Alias("Wallet.SpendingUsage")]
public sealed record SpendingUsage(
    [property: Id(0)] DateOnly Day,
    [property: Id(1)] long DailyOut,
    [property: Id(2)] long YearlyOut)
{
    public static readonly SpendingUsage Nothing = new(DateOnly.MinValue, 0, 0);

    /// <summary>This usage as seen on <paramref name="day"/>: the day's counter restarts on a new day, the year's on a new year.</summary>
    public SpendingUsage On(DateOnly day)
        => day == Day ? this : new SpendingUsage(day, 0, day.Year == Day.Year ? YearlyOut : 0);

    public SpendingUsage Spend(long amount) => this with { DailyOut = checked(DailyOut + amount), YearlyOut = checked(YearlyOut + amount) };

    /// <summary>The first limit that spending <paramref name="amount"/> more would break, or null.</summary>
    public string? LimitBrokenBy(long amount, TierLimits limits)
    {
        if (amount > limits.Single)
        {
            return LimitNames.Single;
        }
        if (DailyOut + amount > limits.Daily)
        {
            return LimitNames.Daily;
        }
        return YearlyOut + amount > limits.Yearly ? LimitNames.Yearly : null;
    }
}
