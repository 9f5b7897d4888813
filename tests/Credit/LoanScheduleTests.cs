using Wallet.Credit;

namespace Wallet.Tests.Credit;

/// <summary>The equal-instalment schedule: to the fen, whatever the amount, term and rate.</summary>
public sealed class LoanScheduleTests
{
    private static readonly DateOnly DrawnOn = new(2026, 1, 31);

    [Theory]
    [InlineData(1_000_000L, 1440, 12)]
    [InlineData(50_000L, 1440, 3)]
    [InlineData(99_999L, 1080, 24)]
    [InlineData(1_234_567L, 720, 6)]
    [InlineData(20_000_000L, 720, 24)]
    [InlineData(100_001L, 1, 24)]
    [InlineData(333_333L, 2399, 12)]
    [InlineData(700L, 1440, 24)]
    [InlineData(1_000_003L, 0, 3)]
    [InlineData(10_000_000_000L, 1440, 24)]
    public void A_schedule_sums_to_principal_plus_interest_exactly(long principal, int rateBasisPoints, int months)
    {
        var schedule = LoanSchedules.Annuity(principal, rateBasisPoints, months, DrawnOn);

        Assert.Equal(months, schedule.Count);
        Assert.Equal(principal, schedule.Sum(i => i.Principal));
        Assert.Equal(principal + LoanSchedules.TotalInterest(schedule), schedule.Sum(i => i.Amount));
        Assert.All(schedule, i => Assert.True(i.Principal >= 0 && i.Interest >= 0, $"instalment {i.Number}: {i}"));
        // Equal instalments: every one but the last (which takes the rounding) is the same amount.
        Assert.Single(schedule.Take(months - 1).Select(i => i.Amount).Distinct());
        Assert.True(Math.Abs(schedule[^1].Amount - schedule[0].Amount) <= months, $"the last instalment only absorbs rounding: {schedule[^1].Amount} against {schedule[0].Amount}");
    }

    [Fact]
    public void A_year_at_twelve_percent_charges_the_textbook_annuity()
    {
        // ¥10,000 at 12% a year over 12 months: ¥888.49 a month, ¥661.86 of interest in all (the last instalment ¥888.47).
        var schedule = LoanSchedules.Annuity(1_000_000, 1200, 12, DrawnOn);

        Assert.Equal(88_849, schedule[0].Amount);
        Assert.Equal(10_000, schedule[0].Interest);
        Assert.Equal(66_186, LoanSchedules.TotalInterest(schedule));
        Assert.Equal(88_847, schedule[^1].Amount);
    }

    [Fact]
    public void Instalments_fall_due_monthly_on_the_drawdown_day_or_the_months_last()
    {
        var schedule = LoanSchedules.Annuity(300_000, 1440, 3, DrawnOn);

        Assert.Equal([new DateOnly(2026, 2, 28), new DateOnly(2026, 3, 31), new DateOnly(2026, 4, 30)], schedule.Select(i => i.DueOn));
    }

    [Fact]
    public void Without_interest_the_last_instalment_takes_the_remainder()
    {
        var schedule = LoanSchedules.Annuity(100_001, 0, 3, DrawnOn);

        Assert.Equal([33_333L, 33_333L, 33_335L], schedule.Select(i => i.Amount));
        Assert.Equal(0, LoanSchedules.TotalInterest(schedule));
    }
}
