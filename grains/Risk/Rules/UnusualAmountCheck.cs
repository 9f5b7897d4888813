using Wallet.Events;

namespace Wallet.Risk.Rules;

/// <summary>A payment far above the median of the customer's latest ones, once there are enough of them to say what is usual.</summary>
public sealed class UnusualAmountCheck : IRiskRuleCheck
{
    public RiskRule Rule => RiskRule.UnusualAmount;

    public string? Check(RiskState state, Observation seen, RiskOptions options)
    {
        var settings = options.UnusualAmount;
        if (seen.Event is not MoneyMoved moved || !RiskState.IsPayment(moved) || seen.PaymentsKnown < settings.History
            || seen.UsualPayment is not { } usual || seen.Amount < settings.MinimumAmount || seen.Amount < usual * settings.Factor)
        {
            return null;
        }
        return $"A payment of {RiskRuleChecks.Paid(moved, seen)} against a usual {RiskRuleChecks.Format(usual, seen)} (threshold {settings.Factor}×).";
    }
}
