using Wallet.Events;

namespace Wallet.Risk.Rules;

/// <summary>Money in from many different people and most of it straight out again: an account lent to launder money.</summary>
public sealed class MulePatternCheck : IRiskRuleCheck
{
    public RiskRule Rule => RiskRule.MulePattern;

    public string? Check(RiskState state, Observation seen, RiskOptions options)
    {
        var settings = options.MulePattern;
        if (seen.Event is not MoneyMoved moved || !RiskState.IsPayment(moved))
        {
            return null; // only money going out can complete the pattern
        }
        var since = moved.OccurredAt - settings.Within;
        var incoming = state.Window.Where(m => m.IsTransferInFromCustomer && m.At >= since.UtcTicks).ToList();
        var payers = incoming.Select(m => m.Payer).Distinct().Count();
        var received = incoming.Sum(m => m.Amount);
        var sent = state.PaymentsSince(since).Sum(m => m.Amount);
        if (payers < settings.DistinctPayers || received == 0 || sent < received * settings.OutShare)
        {
            return null;
        }
        return $"{RiskRuleChecks.Format(received, seen)} in from {payers} payers and {RiskRuleChecks.Format(sent, seen)} out within {settings.Within.TotalHours:0} hours (thresholds {settings.DistinctPayers} payers, {settings.OutShare:P0} out).";
    }
}
