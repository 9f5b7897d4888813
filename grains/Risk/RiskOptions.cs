namespace Wallet.Risk;

/// <summary>
/// The risk rules' thresholds and actions (<c>Wallet:Risk:&lt;Rule&gt;:*</c>). Amounts are minor units of
/// the customer's currency (CNY fen). Each rule fires at its threshold (reached, not only passed), at most
/// once per <see cref="RuleSettings.QuietFor"/> for a customer, and raises an alert with its action.
/// </summary>
public sealed class RiskOptions
{
    public const string Section = "Wallet:Risk";

    /// <summary>Off: the monitors still count every event, but no rule runs (a switch for an incident, and for suites about other things).</summary>
    public bool Enabled { get; set; } = true;

    public VelocitySettings Velocity { get; set; } = new();
    public UnusualAmountSettings UnusualAmount { get; set; } = new();
    public NewDeviceLargePaymentSettings NewDeviceLargePayment { get; set; } = new();
    public ImpossibleTravelSettings ImpossibleTravel { get; set; } = new();
    public NightTimeSettings NightTime { get; set; } = new();
    public RepeatedPinFailuresSettings RepeatedPinFailures { get; set; } = new();
    public NewPayeesSettings NewPayees { get; set; } = new();
    public MulePatternSettings MulePattern { get; set; } = new();

    public RuleSettings For(RiskRule rule) => rule switch
    {
        RiskRule.Velocity => Velocity,
        RiskRule.UnusualAmount => UnusualAmount,
        RiskRule.NewDeviceLargePayment => NewDeviceLargePayment,
        RiskRule.ImpossibleTravel => ImpossibleTravel,
        RiskRule.NightTime => NightTime,
        RiskRule.RepeatedPinFailures => RepeatedPinFailures,
        RiskRule.NewPayees => NewPayees,
        _ => MulePattern,
    };

    /// <summary>How far back the monitor keeps money movements: the longest window a rule looks at.</summary>
    public TimeSpan Window => new[] { TimeSpan.FromDays(1), NewDeviceLargePayment.Within, NewPayees.Within, MulePattern.Within }.Max();
}

public abstract class RuleSettings
{
    public bool Enabled { get; set; } = true;

    /// <summary>The rung of the escalation ladder the rule's alert puts the customer on.</summary>
    public RiskAction Action { get; set; }

    /// <summary>After firing, the rule stays quiet this long for the customer (one alert per burst, not one per payment).</summary>
    public TimeSpan QuietFor { get; set; } = TimeSpan.FromHours(1);
}

public sealed class VelocitySettings : RuleSettings
{
    public VelocitySettings() => Action = RiskAction.StepUp;

    public int CountPerHour { get; set; } = 10;
    public long AmountPerHour { get; set; } = 500_000;
    public int CountPerDay { get; set; } = 30;
    public long AmountPerDay { get; set; } = 2_000_000;
}

public sealed class UnusualAmountSettings : RuleSettings
{
    public UnusualAmountSettings() => Action = RiskAction.Review;

    /// <summary>A payment at least this many times the median of the customer's recent payments.</summary>
    public double Factor { get; set; } = 10;

    /// <summary>Earlier payments needed before "usual" means anything.</summary>
    public int History { get; set; } = 5;

    /// <summary>Smaller payments are never unusual, whatever the customer's median.</summary>
    public long MinimumAmount { get; set; } = 50_000;
}

public sealed class NewDeviceLargePaymentSettings : RuleSettings
{
    public NewDeviceLargePaymentSettings() => Action = RiskAction.Review;

    public long Amount { get; set; } = 100_000;
    public TimeSpan Within { get; set; } = TimeSpan.FromHours(24);
}

public sealed class ImpossibleTravelSettings : RuleSettings
{
    public ImpossibleTravelSettings() => Action = RiskAction.StepUp;

    /// <summary>Faster than an airliner between two requests' locations.</summary>
    public double MaxSpeedKmh { get; set; } = 900;

    /// <summary>Closer locations are never impossible (a phone's position wanders).</summary>
    public double MinimumDistanceKm { get; set; } = 100;
}

public sealed class NightTimeSettings : RuleSettings
{
    public NightTimeSettings() => Action = RiskAction.Alert;

    /// <summary>The clock the night is read on; China keeps UTC+8 all year.</summary>
    public string TimeZone { get; set; } = "Asia/Shanghai";
    public int FromHour { get; set; }
    public int UntilHour { get; set; } = 5;

    /// <summary>One payment of at least this much at night.</summary>
    public long LargeAmount { get; set; } = 100_000;

    /// <summary>Or this many payments in one night, whatever their size.</summary>
    public int Count { get; set; } = 5;
}

public sealed class RepeatedPinFailuresSettings : RuleSettings
{
    public RepeatedPinFailuresSettings() => Action = RiskAction.StepUp;

    public int Count { get; set; } = 3;
    public TimeSpan Within { get; set; } = TimeSpan.FromHours(1);
}

public sealed class NewPayeesSettings : RuleSettings
{
    public NewPayeesSettings() => Action = RiskAction.Review;

    /// <summary>Transfers to this many people the customer never paid before.</summary>
    public int Count { get; set; } = 5;
    public TimeSpan Within { get; set; } = TimeSpan.FromHours(24);
}

public sealed class MulePatternSettings : RuleSettings
{
    public MulePatternSettings()
    {
        Action = RiskAction.ReceiveOnly;
        QuietFor = TimeSpan.FromHours(48);
    }

    /// <summary>Transfers in from at least this many different people...</summary>
    public int DistinctPayers { get; set; } = 5;

    /// <summary>...and at least this share of what came in sent out again...</summary>
    public double OutShare { get; set; } = 0.8;

    /// <summary>...within this long.</summary>
    public TimeSpan Within { get; set; } = TimeSpan.FromHours(48);
}
