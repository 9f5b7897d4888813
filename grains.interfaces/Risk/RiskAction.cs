using Wallet.Refusals;

namespace Wallet.Risk;

/// <summary>
/// The escalation ladder, lowest first. Each rung blocks what the one below it blocks, and more. A
/// customer stands on one rung at a time; only an operator brings them down again. The rungs: <c>none</c>
/// (nothing restricted), <c>alert</c> (the customer and the operators are told), <c>step_up</c> (money leaves only
/// with the PIN or a device signature), <c>review</c> (money sent is held until an operator reviews it),
/// <c>receive_only</c> (money comes in, none goes out), <c>freeze</c> (nothing goes out or comes in).
/// </summary>
public enum RiskAction
{
    /// <summary>Nothing is restricted.</summary>
    None = 0,

    /// <summary>The customer and the operators are told; nothing is restricted.</summary>
    Alert = 1,

    /// <summary>Money leaves only with the payment PIN or a device signature: small payment-code charges wait for confirmation, new authorisations are refused.</summary>
    StepUp = 2,

    /// <summary>Money the customer sends is held until an operator reviews it.</summary>
    Review = 3,

    /// <summary>Money may come in; none goes out.</summary>
    ReceiveOnly = 4,

    /// <summary>No money goes out or comes in.</summary>
    Freeze = 5,
}

/// <summary>What each rung of the ladder lets through (on the wire its name is snake_case, as every enum's).</summary>
public static class RiskActions
{
    /// <summary>
    /// Why money may not leave a wallet of a customer on this rung, or null if it may. <paramref name="payerAuthorised"/>:
    /// the payer said yes with the PIN or a device signature; <paramref name="reviewed"/>: an operator released it.
    /// </summary>
    public static Refusal? RefusesDebit(RiskAction restriction, bool payerAuthorised, bool reviewed) => restriction switch
    {
        RiskAction.Freeze => Frozen,
        RiskAction.ReceiveOnly => ReceiveOnly,
        RiskAction.Review when !reviewed => HeldForReview,
        RiskAction.StepUp when !payerAuthorised => StepUpRequired,
        _ => null,
    };

    /// <summary>Why money may not reach a wallet of a customer on this rung, or null if it may.</summary>
    public static Refusal? RefusesCredit(RiskAction restriction) => restriction == RiskAction.Freeze ? Frozen : null;

    /// <summary>
    /// The rung a new alert puts the customer on: its rule's action, or where they stand if higher; one
    /// rung higher still when the rule restricts (step-up or more) while an earlier alert is open (not
    /// yet reviewed), up to a full freeze. A rule that only alerts never climbs.
    /// </summary>
    public static RiskAction Climb(RiskAction standing, RiskAction ruleAction, bool earlierAlertOpen)
    {
        var higher = (RiskAction)Math.Max((int)standing, (int)ruleAction);
        return earlierAlertOpen && ruleAction >= RiskAction.StepUp && higher < RiskAction.Freeze ? higher + 1 : higher;
    }

    private static readonly Refusal Frozen = new(RefusalCodes.AccountFrozen,
        "The bank's risk monitoring froze your account: no money goes out or comes in until our team has reviewed it.");

    private static readonly Refusal ReceiveOnly = new(RefusalCodes.AccountReceiveOnly,
        "The bank's risk monitoring allows your account to receive money but not to send it until our team has reviewed it.");

    private static readonly Refusal HeldForReview = new(RefusalCodes.HeldForReview,
        "The bank's risk monitoring holds money this account sends for our team's review, and this payment could not be held: it was not made.");

    private static readonly Refusal StepUpRequired = new(RefusalCodes.StepUpRequired,
        "Confirm this payment with your payment PIN or your device: the bank's risk monitoring asks for it.");
}
