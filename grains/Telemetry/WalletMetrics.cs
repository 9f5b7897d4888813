using System.Collections.Frozen;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Wallet.Display;
using Wallet.Movements;
using Wallet.Risk;
using Wallet.Wallets;

namespace Wallet.Telemetry;

/// <summary>
/// The bank's own metrics, one <see cref="Meter"/> named <see cref="MeterName"/>, each recorded where its fact becomes
/// true. Without a listener (no metrics endpoint configured) an <c>Add</c> costs a branch; with one, a counter
/// update under a few tags, nothing allocated: the tag values are the names computed once below.
/// </summary>
public static class WalletMetrics
{
    public const string MeterName = "Wallet";

    private static readonly Meter Meter = new(MeterName, "1.0");

    private static readonly Counter<long> Movements = Meter.CreateCounter<long>("wallet.movements", "{movement}",
        "Movements answered: by kind, and by outcome (the recorded status, or in_doubt) with the refusal's code when refused.");

    private static readonly Counter<long> Alerts = Meter.CreateCounter<long>("wallet.risk.alerts", "{alert}",
        "Risk alerts raised, by rule.");

    private static readonly Histogram<double> EventDelay = Meter.CreateHistogram("wallet.events.delay", "s",
        "From an event's moment to its handling by a consumer (the risk monitor).",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300] });

    private static readonly Counter<long> TillSweeps = Meter.CreateCounter<long>("wallet.till.sweeps", "{sweep}",
        "A busy wallet's till swept into its book.");

    public const string InDoubt = "in_doubt";

    private static readonly FrozenDictionary<MovementKind, string> Kinds = Names<MovementKind>();
    private static readonly FrozenDictionary<MovementStatus, string> Statuses = Names<MovementStatus>();
    private static readonly FrozenDictionary<RiskRule, string> Rules = Names<RiskRule>();

    /// <summary>A movement's outcome, recorded by the commit that wrote it (a replay, which finds it, is not counted again).</summary>
    public static void MovementRecorded(MovementOutcome outcome)
    {
        if (!Movements.Enabled)
        {
            return;
        }
        var tags = new TagList { { "kind", Kinds[outcome.Kind] }, { "outcome", Statuses[outcome.Status] } };
        if (outcome.Refusal is { } refusal && outcome.Status == MovementStatus.Refused)
        {
            tags.Add("refusal", refusal.Code);
        }
        Movements.Add(1, tags);
    }

    /// <summary>A movement answered in doubt (movement_in_doubt, 503): whether it committed is learned by replaying it.</summary>
    public static void MovementInDoubt(MovementKind kind) => Movements.Add(1, new("kind", Kinds[kind]), new("outcome", (object?)InDoubt));

    public static void AlertRaised(RiskRule rule) => Alerts.Add(1, new KeyValuePair<string, object?>("rule", Rules[rule]));

    /// <summary>An event handled by <paramref name="consumer"/> <paramref name="delay"/> after it happened (a clock set back counts as none).</summary>
    public static void EventHandled(string consumer, TimeSpan delay)
        => EventDelay.Record(Math.Max(0, delay.TotalSeconds), new KeyValuePair<string, object?>("consumer", consumer));

    public static void TillSwept() => TillSweeps.Add(1);

    private static FrozenDictionary<TEnum, string> Names<TEnum>() where TEnum : struct, Enum
        => Enum.GetValues<TEnum>().ToFrozenDictionary(value => value, EnumNames.Of);
}
