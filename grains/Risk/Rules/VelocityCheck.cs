using Wallet.Events;

namespace Wallet.Risk.Rules;

/// <summary>Too many payments, or too much paid, in the last hour or day (this payment included).</summary>
public sealed class VelocityCheck : IRiskRuleCheck
{
    public RiskRule Rule => RiskRule.Velocity;

    public string? Check(RiskState state, Observation seen, RiskOptions options)
    {
        if (seen.Event is not MoneyMoved moved || !RiskState.IsPayment(moved))
        {
            return null;
        }
        var settings = options.Velocity;
        return Over(state, seen, moved.OccurredAt - TimeSpan.FromHours(1), settings.CountPerHour, settings.AmountPerHour, "hour")
            ?? Over(state, seen, moved.OccurredAt - TimeSpan.FromDays(1), settings.CountPerDay, settings.AmountPerDay, "day");
    }

    private static string? Over(RiskState state, Observation seen, DateTimeOffset since, int maxCount, long maxAmount, string period)
    {
        var payments = state.PaymentsSince(since).ToList();
        var total = payments.Sum(m => m.Amount);
        return payments.Count >= maxCount ? $"{payments.Count} payments in the last {period} (threshold {maxCount})."
            : total >= maxAmount ? $"{RiskRuleChecks.Format(total, seen)} paid in the last {period} (threshold {RiskRuleChecks.Format(maxAmount, seen)})."
            : null;
    }
}
