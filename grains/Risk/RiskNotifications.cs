using Wallet.Notifications;

namespace Wallet.Risk;

/// <summary>What the customer is told when an alert is raised: what we noticed, in plain words, and what it means for them now.</summary>
public static class RiskNotifications
{
    public const string Kind = "risk_alert";

    public static Notification For(RiskAlert alert)
        => new(alert.AlertId, Kind, "We noticed unusual activity on your account", $"{Noticed(alert.Rule)} {Consequence(alert.Restriction)}", alert.RaisedAt, alert.AlertId);

    private static string Noticed(RiskRule rule) => rule switch
    {
        RiskRule.Velocity => "Many payments left your account in a short time.",
        RiskRule.UnusualAmount => "A payment was much larger than you usually make.",
        RiskRule.NewDeviceLargePayment => "A large payment followed soon after a new device was added to your account.",
        RiskRule.ImpossibleTravel => "Your account was used from two places too far apart for the time between them.",
        RiskRule.NightTime => "Payments were made from your account in the middle of the night.",
        RiskRule.RepeatedPinFailures => "Your payment PIN was entered wrongly several times.",
        RiskRule.NewPayees => "Money was sent to several people you had never paid before.",
        RiskRule.MulePattern => "Money came in from many people and went straight out again.",
    };

    private static string Consequence(Restriction restriction) => restriction switch
    {
        Restriction.StepUp => "Until our team has looked at it, every payment needs your payment PIN or your device. If this was not you, freeze your wallet now and call us.",
        Restriction.Review => "Until our team has looked at it, money you send is held for review before it leaves. If this was not you, freeze your wallet now and call us.",
        Restriction.ReceiveOnly => "Until our team has reviewed your account, it can receive money but not send it. Please call us.",
        Restriction.Freeze => "Your account is frozen until our team has reviewed it: no money goes out or comes in. Please call us.",
        Restriction.Alert or Restriction.None => "If this was you, there is nothing to do. If not, freeze your wallet now and call us.",
    };
}
