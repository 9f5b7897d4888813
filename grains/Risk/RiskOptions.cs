using Microsoft.Extensions.Options;

namespace Wallet.Risk;

/// <summary>Refuses to start a silo whose risk settings no rule can run with, naming each problem.</summary>
public sealed class RiskOptionsValidator : IValidateOptions<RiskOptions>
{
    public ValidateOptionsResult Validate(string? name, RiskOptions options)
        => options.Problems() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
}

/// <summary>
/// The risk rules' thresholds and restrictions (<c>Wallet:Risk:&lt;Rule&gt;:*</c>). Amounts are minor units of
/// the home currency (<see cref="Money.MoneyOptions.HomeCurrency"/>); a wallet in another currency is held to them
/// at its reference rate (its movements counted in the home currency, rounded up). Each rule fires at its threshold (reached, not only passed), at most
/// once per <see cref="RuleSettings.QuietFor"/> for a customer, and raises an alert with its restriction.
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
        RiskRule.MulePattern => MulePattern,
    };

    /// <summary>What is wrong with these settings, one sentence each: checked when a silo starts, not at the first event.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        void Check(bool ok, string problem)
        {
            if (!ok)
            {
                problems.Add($"{Section}:{problem}");
            }
        }
        foreach (var rule in Enum.GetValues<RiskRule>())
        {
            var settings = For(rule);
            Check(Enum.IsDefined(settings.Action) && settings.Action != Restriction.None, $"{rule}:Action is one of Alert, StepUp, Review, ReceiveOnly, Freeze.");
            Check(settings.QuietFor >= TimeSpan.Zero, $"{rule}:QuietFor is not negative.");
        }
        Check(Velocity is { CountPerHour: > 0, AmountPerHour: > 0, CountPerDay: > 0, AmountPerDay: > 0 }, "Velocity's counts and amounts are positive.");
        Check(UnusualAmount is { Factor: > 1, History: > 0, MinimumAmount: >= 0 }, "UnusualAmount:Factor is above 1 and History positive.");
        Check(NewDeviceLargePayment.Amount > 0 && NewDeviceLargePayment.Within > TimeSpan.Zero, "NewDeviceLargePayment's Amount and Within are positive.");
        Check(ImpossibleTravel is { MaxSpeedKmh: > 0, MinimumDistanceKm: >= 0 }, "ImpossibleTravel:MaxSpeedKmh is positive.");
        Check(NightTime is { FromHour: >= 0 and < 24, UntilHour: > 0 and <= 24, LargeAmount: > 0, Count: > 0 } && NightTime.FromHour < NightTime.UntilHour,
            "NightTime runs from FromHour to a later UntilHour (0–24), with a positive LargeAmount and Count.");
        try
        {
            Rules.NightTimeCheck.ZoneOf(NightTime.TimeZone);
        }
        catch (InvalidOperationException unknown)
        {
            problems.Add(unknown.Message);
        }
        Check(RepeatedPinFailures.Count > 0 && RepeatedPinFailures.Within > TimeSpan.Zero, "RepeatedPinFailures' Count and Within are positive.");
        Check(NewPayees.Count > 0 && NewPayees.Within > TimeSpan.Zero, "NewPayees' Count and Within are positive.");
        Check(MulePattern is { DistinctPayers: > 0, OutShare: > 0 and <= 1 } && MulePattern.Within > TimeSpan.Zero, "MulePattern needs positive DistinctPayers and Within, and an OutShare above 0 up to 1.");
        return problems;
    }

    /// <summary>How far back the monitor keeps money movements: the longest window a rule looks at.</summary>
    public TimeSpan Window => new[] { TimeSpan.FromDays(1), NewDeviceLargePayment.Within, NewPayees.Within, MulePattern.Within }.Max();
}

public abstract class RuleSettings
{
    public bool Enabled { get; set; } = true;

    /// <summary>The restriction the rule's alert puts the customer under (the setting keeps its name, <c>Action</c>).</summary>
    public Restriction Action { get; set; }

    /// <summary>After firing, the rule stays quiet this long for the customer (one alert per burst, not one per payment).</summary>
    public TimeSpan QuietFor { get; set; } = TimeSpan.FromHours(1);
}

public sealed class VelocitySettings : RuleSettings
{
    public VelocitySettings() => Action = Restriction.StepUp;

    public int CountPerHour { get; set; } = 10;
    public long AmountPerHour { get; set; } = 500_000;
    public int CountPerDay { get; set; } = 30;
    public long AmountPerDay { get; set; } = 2_000_000;
}

public sealed class UnusualAmountSettings : RuleSettings
{
    public UnusualAmountSettings() => Action = Restriction.Review;

    /// <summary>A payment at least this many times the median of the customer's recent payments.</summary>
    public double Factor { get; set; } = 10;

    /// <summary>Earlier payments needed before "usual" means anything.</summary>
    public int History { get; set; } = 5;

    /// <summary>Smaller payments are never unusual, whatever the customer's median.</summary>
    public long MinimumAmount { get; set; } = 50_000;
}

public sealed class NewDeviceLargePaymentSettings : RuleSettings
{
    public NewDeviceLargePaymentSettings() => Action = Restriction.Review;

    public long Amount { get; set; } = 100_000;
    public TimeSpan Within { get; set; } = TimeSpan.FromHours(24);
}

public sealed class ImpossibleTravelSettings : RuleSettings
{
    public ImpossibleTravelSettings() => Action = Restriction.StepUp;

    /// <summary>Faster than an airliner between two requests' locations.</summary>
    public double MaxSpeedKmh { get; set; } = 900;

    /// <summary>Closer locations are never impossible (a phone's position wanders).</summary>
    public double MinimumDistanceKm { get; set; } = 100;
}

public sealed class NightTimeSettings : RuleSettings
{
    public NightTimeSettings() => Action = Restriction.Alert;

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
    public RepeatedPinFailuresSettings() => Action = Restriction.StepUp;

    public int Count { get; set; } = 3;
    public TimeSpan Within { get; set; } = TimeSpan.FromHours(1);
}

public sealed class NewPayeesSettings : RuleSettings
{
    public NewPayeesSettings() => Action = Restriction.Review;

    /// <summary>Transfers to this many people the customer never paid before.</summary>
    public int Count { get; set; } = 5;
    public TimeSpan Within { get; set; } = TimeSpan.FromHours(24);
}

public sealed class MulePatternSettings : RuleSettings
{
    public MulePatternSettings()
    {
        Action = Restriction.ReceiveOnly;
        QuietFor = TimeSpan.FromHours(48);
    }

    /// <summary>Transfers in from at least this many different people...</summary>
    public int DistinctPayers { get; set; } = 5;

    /// <summary>...and at least this share of what came in sent out again...</summary>
    public double OutShare { get; set; } = 0.8;

    /// <summary>...within this long.</summary>
    public TimeSpan Within { get; set; } = TimeSpan.FromHours(48);
}
