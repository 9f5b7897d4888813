using Wallet.Events;

namespace Wallet.Risk.Rules;

/// <summary>Several wrong payment PINs in a short time: someone guessing.</summary>
public sealed class RepeatedPinFailuresCheck : IRiskRuleCheck
{
    public RiskRule Rule => RiskRule.RepeatedPinFailures;

    public string? Check(RiskState state, Observation seen, RiskOptions options)
    {
        var settings = options.RepeatedPinFailures;
        if (seen.Event is not PinFailed failed)
        {
            return null;
        }
        var since = failed.OccurredAt - settings.Within;
        var failures = state.Signals.Count(s => s is PinFailed && s.OccurredAt >= since && s.OccurredAt <= failed.OccurredAt);
        return failures >= settings.Count ? $"{failures} wrong payment PINs within {settings.Within.TotalMinutes:0} minutes (threshold {settings.Count})." : null;
    }
}
