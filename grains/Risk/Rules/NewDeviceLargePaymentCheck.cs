using Wallet.Events;

namespace Wallet.Risk.Rules;

/// <summary>A large payment soon after a new device was registered: the pattern of a taken-over account.</summary>
public sealed class NewDeviceLargePaymentCheck : IRiskRuleCheck
{
    public RiskRule Rule => RiskRule.NewDeviceLargePayment;

    public string? Check(RiskState state, Observation seen, RiskOptions options)
    {
        var settings = options.NewDeviceLargePayment;
        if (seen.Event is not MoneyMoved moved || !RiskState.IsPayment(moved) || seen.Amount < settings.Amount
            || state.DeviceRegisteredAt is not { } registered || moved.OccurredAt - registered > settings.Within || moved.OccurredAt < registered)
        {
            return null;
        }
        return $"A payment of {RiskRuleChecks.Paid(moved, seen)} {(moved.OccurredAt - registered).TotalHours:0.#} hours after a new device was registered.";
    }
}
