using Wallet.Wallets;

namespace Wallet.Movements;

/// <summary>
/// The recorded outcome of a movement. A refusal decided against the money (insufficient funds,
/// a declined card) is an outcome too: replaying the key returns it rather than trying again.
/// <see cref="Replayed"/> is set only on the copy a replay answers with, never in the record.
/// </summary>
[GenerateSerializer, Immutable, Alias("Wallet.MovementReceipt")]
public sealed record MovementReceipt(
    [property: Id(0)] string MovementId,
    [property: Id(1)] MovementKind Kind,
    [property: Id(2)] MovementStatus Status,
    [property: Id(3)] string? RefusalCode,
    [property: Id(4)] string? RefusalDetail,
    [property: Id(5)] string? FromWalletId,
    [property: Id(6)] string? ToWalletId,
    [property: Id(7)] string? CardId,
    [property: Id(8)] long Amount,
    [property: Id(9)] string Currency,
    [property: Id(10)] string? Memo,
    [property: Id(11)] DateTimeOffset CreatedAt,
    [property: Id(24)] Limits.LimitMet? RefusalLimit = null,
    [property: Id(13)] string? MerchantId = null,
    [property: Id(14)] string? OrderId = null,
    [property: Id(15)] DateTimeOffset? ConfirmBy = null,
    [property: Id(16)] string? PayerId = null,
    [property: Id(17)] long? Captured = null,
    [property: Id(18)] DateTimeOffset? ExpiresAt = null,
    [property: Id(19)] string? PaymentId = null,
    [property: Id(20)] long? Fee = null,
    [property: Id(21)] Promotions.AppliedPromotion? Promotion = null,
    [property: Id(22)] ReviewDecision? Review = null,
    [property: Id(23)] bool Replayed = false)
{
    /// <summary>
    /// What the merchant received of a payment: what refunds may give back at most. Of an authorisation,
    /// what was captured (the rest was let go, never paid); of a cashback payment, the price less the
    /// cashback (it came out of the merchant's part).
    /// </summary>
    public long MerchantReceived => (Captured ?? Amount) - (Promotion?.Cashback ?? 0);
}

/// <summary>
/// Where a movement stands: <c>completed</c> (the money moved), <c>refused</c> (nothing moved; the problem's
/// <c>code</c> said why), <c>pending_confirmation</c> (a merchant's charge waiting for the payer),
/// <c>authorized</c> (a merchant's hold on the payer's money), <c>voided</c> (a hold let go without capture) or
/// <c>held_for_review</c> (held in the sender's wallet until an operator releases or rejects it).
/// </summary>
public enum MovementStatus
{
    Completed = 0,
    Refused = 1,

    /// <summary>A merchant's charge of a payment code waiting for the payer's PIN or device signature.</summary>
    PendingConfirmation = 2,

    /// <summary>A merchant's authorisation holding the payer's money until it is captured, voided or expires.</summary>
    Authorized = 3,

    /// <summary>An authorisation let go without capture (voided by the merchant, or expired).</summary>
    Voided = 4,

    /// <summary>Sent by a customer under the review restriction: the money is held in their wallet until an operator releases or rejects it.</summary>
    HeldForReview = 5,
}

/// <summary>An operator's release or rejection of a movement held for review: who, their note, and when.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.ReviewDecision")]
public sealed record ReviewDecision([property: Id(0)] string OperatorId, [property: Id(1)] string? Note, [property: Id(2)] DateTimeOffset At);
