using Wallet.Refusals;
using Wallet.Wallets;

namespace Wallet.Movements;

/// <summary>
/// What every movement's recorded outcome says, whatever its workflow: its id, where it stands, why it
/// was refused (a refusal decided against the money is an outcome too: replaying the key returns it),
/// its currency and when it was accepted. Each workflow's receipt adds its own fields, each meaning one
/// thing. <see cref="Replayed"/> is set only on the copy a replay answers with, never in the record.
/// </summary>
[GenerateSerializer, Immutable, Alias("Wallet.MovementOutcome")]
public abstract record MovementOutcome
{
    [Id(0)] public string MovementId { get; init; } = "";

    [Id(1)] public MovementStatus Status { get; init; }

    /// <summary>Why nothing moved (or, for a voided authorisation, why it was let go); null otherwise.</summary>
    [Id(2)] public Refusal? Refusal { get; init; }

    [Id(3)] public string Currency { get; init; } = "";

    [Id(4)] public DateTimeOffset CreatedAt { get; init; }

    [Id(5)] public bool Replayed { get; init; }

    /// <summary>The kind the wallets' books and the events know this movement by.</summary>
    public abstract MovementKind Kind { get; }

    /// <summary>Where the money comes from and goes to, as the customer sees it (a payment goes to the merchant, not to its settlement wallet).</summary>
    public abstract MovementSides Sides { get; }

    /// <summary>The money this outcome moved between wallets, for the events; null when it moved none.</summary>
    public MoneyFlow? Moved => Status == MovementStatus.Completed ? Flow : null;

    /// <summary>The money the movement moves when it completes.</summary>
    protected abstract MoneyFlow Flow { get; }
}

/// <summary>One side of a movement: a wallet, a bank card, a merchant, a biller, an account abroad, a red packet, a holding or a loan; exactly one id set.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.MovementSide")]
public sealed record MovementSide([property: Id(0)] string? WalletId, [property: Id(1)] string? CardId, [property: Id(2)] string? MerchantId, [property: Id(3)] string? BillerId = null,
    [property: Id(4)] string? RemittanceId = null, [property: Id(5)] string? RedPacketId = null,
    [property: Id(6)] string? HoldingId = null, [property: Id(7)] string? LoanId = null, [property: Id(8)] string? ClaimId = null)
{
    public static MovementSide Wallet(string walletId) => new(walletId, null, null);

    public static MovementSide Card(string cardId) => new(null, cardId, null);

    public static MovementSide Merchant(string merchantId) => new(null, null, merchantId);

    public static MovementSide Biller(string billerId) => new(null, null, null, billerId);

    /// <summary>An account at a bank abroad, named by the remittance that sent it money (which holds the beneficiary).</summary>
    public static MovementSide Abroad(string remittanceId) => new(null, null, null, null, remittanceId);

    /// <summary>A red packet: the money sent into it waits in the bank's red-packet clearing account until a share is claimed or the rest goes back.</summary>
    public static MovementSide RedPacket(string packetId) => new(null, null, null, null, null, packetId);

    /// <summary>A customer's holding of one of the bank's products: the money in it is owed by the product's clearing account.</summary>
    public static MovementSide Holding(string holdingId) => new(null, null, null, null, null, null, holdingId);

    /// <summary>A consumer loan: its drawdown comes from the bank's loan book, its repayments go back to it.</summary>
    public static MovementSide Loan(string loanId) => new(null, null, null, null, null, null, null, loanId);

    /// <summary>A claim for an unauthorised payment: the security fund pays an upheld one.</summary>
    public static MovementSide Claim(string claimId) => new(null, null, null, null, null, null, null, null, claimId);
}

/// <summary>Where a movement's money came from and went.</summary>
public sealed record MovementSides(MovementSide From, MovementSide To);

/// <summary>
/// Money that moved between wallets: what left <see cref="FromWalletId"/> and what reached <see cref="ToWalletId"/>
/// (less, when a cashback came out of the merchant's part). A card side is outside the bank's wallets: null.
/// <see cref="OutCurrency"/> and <see cref="InCurrency"/>: the currency that left the payer and that reached the receiver,
/// each when it is not the movement's (a conversion's receiving side, a payment from a wallet in another currency).
/// </summary>
public sealed record MoneyFlow(string? FromWalletId, string? ToWalletId, long Out, long In, string? MerchantId = null, string? InCurrency = null, string? OutCurrency = null);

/// <summary>
/// A payment (or its refund) between a customer's wallet and a merchant in two currencies, converted at the bank's buy
/// rate of that moment: what the customer's wallet paid (or got back), in its currency, and the rate in the direction
/// the money went — major units of the merchant's currency for one of the wallet's on a payment, the reverse on a refund.
/// </summary>
[GenerateSerializer, Immutable, Alias("Wallet.Exchanged")]
public sealed record Exchanged(
    [property: Id(0)] long WalletAmount,
    [property: Id(1)] string WalletCurrency,
    [property: Id(2)] decimal Rate);

/// <summary>
/// Where a movement stands: <c>completed</c> (the money moved), <c>refused</c> (nothing moved; the problem's
/// <c>code</c> said why), <c>pending_confirmation</c> (a merchant's charge waiting for the payer),
/// <c>authorized</c> (a merchant's hold on the payer's money), <c>voided</c> (a hold let go without capture) or
/// <c>held_for_review</c> (held in the sender's wallet until an operator releases or rejects it) or
/// <c>awaiting_approval</c> (a sub-wallet's payment held in it until the family approves or declines it, or it expires).
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

    /// <summary>A sub-wallet's payment above its family's threshold: the money is held in the sub-wallet until the owner or a guardian approves or declines it, or it expires.</summary>
    AwaitingApproval = 6,
}
