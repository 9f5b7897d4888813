using Wallet.Events;

namespace Wallet.Risk.Rules;

/// <summary>One rule: given the state after an event (and what came before it), why it fires, or null.</summary>
public interface IRiskRuleCheck
{
    RiskRule Rule { get; }

    string? Check(RiskState state, Observation seen, RiskOptions options);
}

/// <summary>Every rule the monitor runs on each event, in the order their alerts are raised.</summary>
public static class RiskRuleChecks
{
    public static readonly IReadOnlyList<IRiskRuleCheck> All =
    [
        new VelocityCheck(),
        new UnusualAmountCheck(),
        new NewDeviceLargePaymentCheck(),
        new ImpossibleTravelCheck(),
        new NightTimeCheck(),
        new RepeatedPinFailuresCheck(),
        new NewPayeesCheck(),
        new MulePatternCheck(),
    ];

    /// <summary>An amount in operators' alert texts: in the home currency the rules count in, as on a statement.</summary>
    public static string Format(long homeAmount, Observation seen) => Money.Amounts.Format(homeAmount, seen.Currency);

    /// <summary>This payment in the home currency, and as paid when that was another (<c>1,095.00 CNY (150.00 USD)</c>).</summary>
    public static string Paid(MoneyMoved moved, Observation seen)
        => moved.Currency == seen.Currency ? Format(seen.Amount, seen) : $"{Format(seen.Amount, seen)} ({Money.Amounts.Format(moved.Amount, moved.Currency)})";
}
