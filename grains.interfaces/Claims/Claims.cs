using Wallet.Wallets;

namespace Wallet.Claims;

/// <summary>
/// A customer's claim that an outgoing movement was not theirs (an unauthorised payment), keyed <c>clm_…</c>, derived
/// from the customer and the wallet entry it is about: one claim per movement. It keeps the evidence the bank held
/// when it was opened (a snapshot: later events do not change it), the questions and answers, and the decision with
/// the movement that paid it, which happens exactly once.
/// </summary>
[Alias("Wallet.IClaimGrain")]
public interface IClaimGrain : IGrainWithStringKey
{
    /// <summary>Opens the claim (or answers the one already open on this entry, <see cref="ClaimAnswer.Replayed"/>).</summary>
    [Alias("Open")]
    Task<ClaimAnswer> Open(ClaimOpening opening);

    /// <summary>The claim as its customer sees it; null for anyone else (not found, never forbidden).</summary>
    [Alias("Find")]
    Task<ClaimView?> Find(string customerId);

    /// <summary>The claim as operators see it; null when there is no such claim.</summary>
    [Alias("Get")]
    Task<ClaimView?> Get();

    /// <summary>The customer answers the operators' question.</summary>
    [Alias("Answer")]
    Task<ClaimView> Answer(string customerId, string text);

    [Alias("Assign")]
    Task<ClaimView> Assign(string operatorId);

    /// <summary>An operator asks the customer a question: it reaches their inbox.</summary>
    [Alias("Ask")]
    Task<ClaimView> Ask(string operatorId, string text);

    /// <summary>
    /// Decides the claim, once: the same decision sent again answers as the first did (<see cref="ClaimAnswer.Replayed"/>),
    /// another one after it is refused with <c>claim_already_decided</c>. A decision that pays does so exactly once.
    /// </summary>
    [Alias("Decide")]
    Task<ClaimAnswer> Decide(string operatorId, ClaimDecisionRequest decision);

    /// <summary>
    /// What the claim's reminder does on each tick: once an undecided claim that qualifies has waited
    /// <see cref="ClaimRules.ProvisionalAfter"/>, the security fund pays it as provisional credit, once. Null when there is no such claim.
    /// </summary>
    [Alias("FollowUp")]
    Task<ClaimView?> FollowUp();
}

/// <summary>A customer's claims, newest first (ids only; each claim answers for itself).</summary>
[Alias("Wallet.ICustomerClaimsGrain")]
public interface ICustomerClaimsGrain : IGrainWithStringKey
{
    [Alias("Note")]
    Task Note(string claimId);

    [Alias("List")]
    Task<IReadOnlyList<string>> List();
}

/// <summary>The operators' queue: undecided claims, oldest first, by when they began to wait. Kept small: ids and times.</summary>
[Alias("Wallet.IClaimQueueGrain")]
public interface IClaimQueueGrain : IGrainWithIntegerKey
{
    [Alias("Enqueue")]
    Task Enqueue(string claimId, DateTimeOffset waitingSince);

    [Alias("Dequeue")]
    Task Dequeue(string claimId);

    /// <summary>Oldest first, after the claim <paramref name="after"/> (a cursor), at most <paramref name="limit"/>.</summary>
    [Alias("List")]
    Task<ClaimQueuePage> List(string? after, int limit);
}

[GenerateSerializer, Immutable, Alias("Wallet.ClaimQueuePage")]
public sealed record ClaimQueuePage([property: Id(0)] IReadOnlyList<string> ClaimIds, [property: Id(1)] string? NextAfter, [property: Id(2)] int Waiting);

/// <summary>What the customer says when opening a claim, with the wallet entry it is about (read for its owner by the caller).</summary>
[GenerateSerializer, Immutable, Alias("Wallet.ClaimOpening")]
public sealed record ClaimOpening(
    [property: Id(0)] string CustomerId,
    [property: Id(1)] string WalletId,
    [property: Id(2)] string EntryId,
    [property: Id(3)] WalletEntry Entry,
    [property: Id(4)] string WhatHappened,
    [property: Id(5)] DateTimeOffset NoticedAt,
    [property: Id(6)] bool PinShared);

/// <summary><c>upheld_chargeback</c> (the merchant gives it back), <c>upheld_fund</c> (the security fund pays) or <c>rejected</c> (with a reason).</summary>
public enum ClaimOutcome
{
    UpheldChargeback = 0,
    UpheldFund = 1,
    Rejected = 2,
}

/// <summary><c>open</c> (waiting for operators), <c>awaiting_customer</c> (a question to answer), <c>decided</c>.</summary>
public enum ClaimStatus
{
    Open = 0,
    AwaitingCustomer = 1,
    Decided = 2,
}

[GenerateSerializer, Immutable, Alias("Wallet.ClaimDecisionRequest")]
public sealed record ClaimDecisionRequest(
    [property: Id(0)] ClaimOutcome Outcome,
    [property: Id(1)] string? Reason,
    [property: Id(2)] long? Amount);

/// <summary>The claim, and whether this answer repeats an earlier one (an open or a decision already made).</summary>
[GenerateSerializer, Immutable, Alias("Wallet.ClaimAnswer")]
public sealed record ClaimAnswer([property: Id(0)] ClaimView Claim, [property: Id(1)] bool Replayed);

/// <summary>One question or answer on a claim.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.ClaimMessage")]
public sealed record ClaimMessage(
    [property: Id(0)] string From,
    [property: Id(1)] string AuthorId,
    [property: Id(2)] string Text,
    [property: Id(3)] DateTimeOffset At);

/// <summary>The decision as recorded: who, what, the amount paid and the movement that paid it (a chargeback <c>rf_…</c> or the fund's <c>cp_…</c>).</summary>
[GenerateSerializer, Immutable, Alias("Wallet.ClaimDecision")]
public sealed record ClaimDecision(
    [property: Id(0)] ClaimOutcome Outcome,
    [property: Id(1)] string? Reason,
    [property: Id(2)] long Amount,
    [property: Id(3)] string? MovementId,
    [property: Id(4)] string OperatorId,
    [property: Id(5)] DateTimeOffset DecidedAt);

/// <summary>A sign-in (or a failed one) the bank had seen, where the app said where.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.ClaimSignIn")]
public sealed record ClaimSignIn(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] bool Succeeded,
    [property: Id(2)] double? Latitude,
    [property: Id(3)] double? Longitude);

/// <summary>A risk alert raised on the customer, as it stood when the claim was opened.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.ClaimAlert")]
public sealed record ClaimAlert(
    [property: Id(0)] string AlertId,
    [property: Id(1)] string Rule,
    [property: Id(2)] string Detail,
    [property: Id(3)] string Restriction,
    [property: Id(4)] DateTimeOffset RaisedAt);

/// <summary>
/// The evidence the bank held when the claim was opened, copied then: the movement's entry, where the customer last
/// signed in before it (the movement's location as far as the bank knows), the device keys added and removed, the
/// sign-ins and risk alerts of the days around it, the restriction the customer was under and the other signals.
/// </summary>
[GenerateSerializer, Immutable, Alias("Wallet.ClaimEvidence")]
public sealed record ClaimEvidence(
    [property: Id(0)] DateTimeOffset TakenAt,
    [property: Id(1)] WalletEntry Movement,
    [property: Id(2)] ClaimSignIn? LocationBefore,
    [property: Id(3)] IReadOnlyList<ClaimSignIn> SignIns,
    [property: Id(4)] IReadOnlyList<string> DeviceEvents,
    [property: Id(5)] IReadOnlyList<ClaimAlert> Alerts,
    [property: Id(6)] string RestrictionAtOpening,
    [property: Id(7)] IReadOnlyList<string> OtherSignals);

/// <summary>A claim as recorded.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.ClaimView")]
public sealed record ClaimView(
    [property: Id(0)] string ClaimId,
    [property: Id(1)] string CustomerId,
    [property: Id(2)] string WalletId,
    [property: Id(3)] string EntryId,
    [property: Id(4)] string MovementId,
    [property: Id(5)] MovementKind Kind,
    [property: Id(6)] long Amount,
    [property: Id(7)] string Currency,
    [property: Id(8)] DateTimeOffset MovementAt,
    [property: Id(9)] string? MerchantId,
    [property: Id(10)] string WhatHappened,
    [property: Id(11)] DateTimeOffset NoticedAt,
    [property: Id(12)] bool PinShared,
    [property: Id(13)] DateTimeOffset OpenedAt,
    [property: Id(14)] DateTimeOffset DecideBy,
    [property: Id(15)] ClaimStatus Status,
    [property: Id(16)] string? AssignedTo,
    [property: Id(17)] IReadOnlyList<ClaimMessage> Messages,
    [property: Id(18)] ClaimDecision? Decision,
    [property: Id(19)] ClaimEvidence Evidence,
    [property: Id(20)] bool FundEligible,
    [property: Id(21)] bool Chargeable,
    [property: Id(22)] ClaimProvisional? Provisional = null);

/// <summary>
/// Provisional credit the security fund paid an undecided claim (<see cref="ClaimRules.ProvisionalAfter"/> after it was opened):
/// its payment, and, when the claim was then rejected, the movement that took it back (<see cref="ReversalMovementId"/>) or why
/// it could not (<see cref="ReversalRefusal"/>: the wallet no longer held it).
/// </summary>
[GenerateSerializer, Immutable, Alias("Wallet.ClaimProvisional")]
public sealed record ClaimProvisional(
    [property: Id(0)] long Amount,
    [property: Id(1)] string MovementId,
    [property: Id(2)] DateTimeOffset PaidAt,
    [property: Id(3)] string? ReversalMovementId = null,
    [property: Id(4)] string? ReversalRefusal = null);

/// <summary>The bank's rules for claims (README "Claims for unauthorised payments"): the numbers in one place.</summary>
public static class ClaimRules
{
    /// <summary>Only movements of the last 60 days may be claimed.</summary>
    public static readonly TimeSpan ClaimWindow = TimeSpan.FromDays(60);

    /// <summary>The security fund pays only a claim reported within 3 days of the customer noticing, and only when they did not share their PIN.</summary>
    public static readonly TimeSpan ReportWithin = TimeSpan.FromDays(3);

    /// <summary>Operators decide within 15 days of the claim's opening.</summary>
    public static readonly TimeSpan DecideWithin = TimeSpan.FromDays(15);

    /// <summary>How far before the movement the evidence's sign-ins and alerts reach.</summary>
    public static readonly TimeSpan EvidenceBefore = TimeSpan.FromDays(7);

    public const int MaxMessages = 50;

    /// <summary>Claims under ¥2,000.00 (in CNY) that the fund may pay get provisional credit from it when undecided this long after opening.</summary>
    public const long ProvisionalBelow = 200_000;

    public static readonly TimeSpan ProvisionalAfter = TimeSpan.FromDays(5);

    public static bool ProvisionalEligible(long amount, string currency, bool fundEligible) => fundEligible && currency == "CNY" && amount < ProvisionalBelow;

    public static bool FundEligible(DateTimeOffset noticedAt, DateTimeOffset openedAt, bool pinShared) => !pinShared && openedAt - noticedAt <= ReportWithin;
}
