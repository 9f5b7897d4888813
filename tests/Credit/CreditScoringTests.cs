using Wallet.Credit;
using Wallet.Customers;
using Wallet.Risk;

namespace Wallet.Tests.Credit;

/// <summary>The scoring model's decisions, each with the reasons that made it.</summary>
public sealed class CreditScoringTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private static CreditFacts Facts(int tier = CustomerTiers.RealName, int days = 0, long moneyIn = 100_000, Restriction restriction = Restriction.None,
        int openAlerts = 0, int overdue = 0, long owed = 0) => new(tier, days, moneyIn, restriction, openAlerts, overdue, owed);

    private static CreditDecision Decide(CreditFacts facts, long? amount = 500_000) => CreditScoring.Decide(facts, 50, amount, "CNY", Now);

    private static string[] Codes(CreditDecision decision) => [.. decision.Reasons.Select(r => r.Code)];

    [Fact]
    public void A_verified_customer_with_some_money_in_and_nothing_open_is_approved_at_the_first_band()
    {
        var decision = Decide(Facts());

        Assert.True(decision.Approved);
        Assert.Equal(50, decision.Score);
        Assert.Equal(1440, decision.AnnualRateBasisPoints);
        Assert.Equal(1_000_000, decision.Limit);
        Assert.Equal([CreditReasons.TierRealName, CreditReasons.WalletNew, CreditReasons.TurnoverSome, CreditReasons.RiskClear], Codes(decision));
        Assert.Equal(decision.Score, decision.Reasons.Sum(r => r.Points));
    }

    [Fact]
    public void A_long_standing_customer_verified_in_person_earns_a_lower_rate_and_a_higher_limit()
    {
        var decision = Decide(Facts(tier: CustomerTiers.InPerson, days: 200, moneyIn: 2_000_000), amount: 15_000_000);

        Assert.True(decision.Approved);
        Assert.Equal(100, decision.Score);
        Assert.Equal(720, decision.AnnualRateBasisPoints);
        Assert.Equal(20_000_000, decision.Limit);
    }

    [Fact]
    public void An_unverified_customer_is_declined_whatever_else_they_have()
    {
        var decision = Decide(Facts(tier: CustomerTiers.Lowest, days: 400, moneyIn: 9_000_000));

        Assert.False(decision.Approved);
        Assert.Contains(CreditReasons.TierUnverified, Codes(decision));
        Assert.Equal(0, decision.Limit);
    }

    [Fact]
    public void A_new_customer_without_money_in_scores_below_the_minimum()
    {
        var decision = Decide(Facts(moneyIn: 0));

        Assert.False(decision.Approved);
        Assert.Equal(40, decision.Score);
        Assert.Contains(CreditReasons.TurnoverLow, Codes(decision));
        Assert.Equal(CreditReasons.ScoreBelowMinimum, Codes(decision)[^1]);
    }

    [Theory]
    [InlineData(Restriction.Review)]
    [InlineData(Restriction.ReceiveOnly)]
    [InlineData(Restriction.Freeze)]
    public void A_restricted_customer_is_declined(Restriction restriction)
    {
        var decision = Decide(Facts(tier: CustomerTiers.InPerson, days: 400, moneyIn: 9_000_000, restriction: restriction));

        Assert.False(decision.Approved);
        Assert.Contains(CreditReasons.RiskRestricted, Codes(decision));
    }

    [Fact]
    public void An_open_alert_costs_the_risk_points()
    {
        var decision = Decide(Facts(openAlerts: 1));

        Assert.False(decision.Approved);
        Assert.Contains(CreditReasons.RiskAlertOpen, Codes(decision));
        Assert.Equal(30, decision.Score);
    }

    [Fact]
    public void An_overdue_loan_declines_a_new_one()
    {
        var decision = Decide(Facts(tier: CustomerTiers.InPerson, overdue: 1));

        Assert.False(decision.Approved);
        Assert.Contains(CreditReasons.LoanOverdue, Codes(decision));
    }

    [Fact]
    public void An_amount_over_what_is_left_of_the_limit_is_declined_with_what_could_be_lent()
    {
        var decision = Decide(Facts(owed: 800_000), amount: 300_000);

        Assert.False(decision.Approved);
        Assert.Equal(CreditReasons.AmountOverLimit, Codes(decision)[^1]);
        Assert.Equal(200_000, decision.Limit);
        Assert.Contains("2,000.00 CNY", decision.Reasons[^1].Text, StringComparison.Ordinal);
    }
}
