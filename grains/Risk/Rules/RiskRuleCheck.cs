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

    /// <summary>Amounts in operators' alert texts: yuan with fen, as on a statement.</summary>
    public static string Yuan(long minor) => Money.Amounts.Format(minor, "CNY");
}
