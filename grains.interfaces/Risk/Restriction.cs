using Wallet.Refusals;

namespace Wallet.Risk;

/// <summary>
/// A customer's restriction: where risk control holds them on its escalation ladder, lowest first. Each
/// restriction blocks what the one below it blocks, and more. A customer has one restriction at a time; only
/// an operator lifts it again. The restrictions: <c>none</c> (nothing restricted), <c>alert</c> (the customer
/// and the operators are told), <c>step_up</c> (money leaves only with the PIN or a device signature),
/// <c>review</c> (money sent is held until an operator reviews it), <c>receive_only</c> (money comes in, none
/// goes out), <c>freeze</c> (nothing goes out or comes in).
/// </summary>
public enum Restriction
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

/// <summary>What each restriction lets through (on the wire its name is snake_case, as every enum's).</summary>
public static class Restrictions
{
    /// <summary>
    /// Why money may not leave a wallet of a customer under this restriction, or null if it may. <paramref name="payerAuthorised"/>:
    /// the payer said yes with the PIN or a device signature; <paramref name="reviewed"/>: an operator released it.
    /// </summary>
    public static Refusal? RefusesDebit(Restriction restriction, bool payerAuthorised, bool reviewed) => restriction switch
    {
        Restriction.Freeze => Frozen,
        Restriction.ReceiveOnly => ReceiveOnly,
        Restriction.Review => reviewed ? null : HeldForReview,
        Restriction.StepUp => payerAuthorised ? null : StepUpRequired,
        Restriction.Alert or Restriction.None => null,
    };

    /// <summary>Why money may not reach a wallet of a customer under this restriction, or null if it may.</summary>
    public static Refusal? RefusesCredit(Restriction restriction) => restriction == Restriction.Freeze ? Frozen : null;

    /// <summary>
    /// The restriction a new alert puts the customer under: its rule's (the rule's <c>Action</c> setting), or the
    /// one they are under if higher; one higher still when the rule restricts (step-up or more) while an earlier
    /// alert is open (not yet reviewed), up to a full freeze. A rule that only alerts never climbs.
    /// </summary>
    public static Restriction Climb(Restriction standing, Restriction ruleRestriction, bool earlierAlertOpen)
    {
        var higher = (Restriction)Math.Max((int)standing, (int)ruleRestriction);
        return earlierAlertOpen && ruleRestriction >= Restriction.StepUp && higher < Restriction.Freeze ? higher + 1 : higher;
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
