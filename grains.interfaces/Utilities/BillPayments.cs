using Wallet.Customers;
using Wallet.Movements;
using Wallet.Wallets;

namespace Wallet.Utilities;

/// <summary>
/// A customer pays a biller: the wallet is debited into the biller's clearing account in one transaction, then the
/// biller is told. If the biller refuses, or does not confirm within its time, the money comes back exactly once
/// (<see cref="IBillRefundGrain"/>); a biller that confirms after that is listed for the operators.
/// </summary>
[Alias("Wallet.IBillPaymentGrain")]
public interface IBillPaymentGrain : IReviewableMovementGrain
{
    [Alias("Pay")]
    Task<BillPaymentView> Pay(BillPaymentOrder order);

    /// <summary>The payment as recorded, for the customer who made it; otherwise null.</summary>
    [Alias("Find")]
    Task<BillPaymentView?> Find(string customerId);

    /// <summary>Asks the biller again now (what the follow-up reminder does); answers where the payment stands.</summary>
    [Alias("FollowUp")]
    Task<BillPaymentView?> FollowUp();

    /// <summary>Inside the refund's transaction: marks the payment refunded, or says why not (the biller confirmed it meanwhile).</summary>
    [Alias("MarkRefunded"), Transaction(TransactionOption.Join), AlwaysInterleave]
    Task<Refusals.Refusal?> MarkRefunded(string refundId, BillRefundOrder order);
}

/// <summary>Gives a refused or unconfirmed bill payment back to the wallet that paid it (one per payment: its id is the payment's).</summary>
[Alias("Wallet.IBillRefundGrain")]
public interface IBillRefundGrain : IMovementGrain
{
    [Alias("Refund")]
    Task<BillRefundReceipt> Refund(BillRefundOrder order);

    [Alias("Find")]
    Task<BillRefundReceipt?> Find(string customerId);
}

/// <summary>
/// Pay a saved payee from a wallet: <see cref="Amount"/> is the bill's amount (or null for the bill as it stands) for a
/// postpaid biller, and the chosen amount for a prepaid meter or a top-up. <see cref="ByMandate"/>: paid by the
/// customer's autopay mandate instead of a PIN, which only the bill calendar sets.
/// </summary>
[GenerateSerializer, Immutable, Alias("Wallet.BillPaymentOrder")]
public sealed record BillPaymentOrder(
    [property: Id(0)] string CustomerId,
    [property: Id(1)] string Fingerprint,
    [property: Id(2)] string PayeeId,
    [property: Id(3)] string WalletId,
    [property: Id(4)] long? Amount,
    [property: Id(5)] string Currency,
    [property: Id(6)] PaymentAuthorisation Authorisation,
    [property: Id(7)] bool ByMandate = false)
{
    public override string ToString() => $"BillPaymentOrder {{ Payee = {PayeeId}, Wallet = {WalletId}, Amount = {Amount} {Currency}, ByMandate = {ByMandate} }}";
}

/// <summary>A bill payment as the wallet's books record it: from the wallet to the biller.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.BillPaymentReceipt")]
public sealed record BillPaymentReceipt(
    [property: Id(0)] string WalletId,
    [property: Id(1)] string PayeeId,
    [property: Id(2)] string BillerId,
    [property: Id(3)] string AccountNumber,
    [property: Id(4)] string? BillRef,
    [property: Id(5)] long Amount,
    [property: Id(6)] bool ByMandate) : ReviewableOutcome
{
    public override MovementKind Kind => MovementKind.BillPayment;

    public override MovementSides Sides => new(MovementSide.Wallet(WalletId), MovementSide.Biller(BillerId));

    protected override MoneyFlow Flow => new(WalletId, null, Amount, Amount);

    public override string HeldWalletId => WalletId;

    public override long HeldAmount => Amount;

    public override long SenderPays => Amount;
}

/// <summary>What the biller has said of a payment the wallet paid; null on a payment that moved no money.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.BillerLeg")]
public sealed record BillerLeg(
    [property: Id(0)] BillerStatus Status,
    [property: Id(1)] DateTimeOffset SentAt,
    [property: Id(2)] DateTimeOffset ConfirmBy,
    [property: Id(3)] string? Reference = null,
    [property: Id(4)] string? Reason = null,
    [property: Id(5)] string? RefundId = null,
    [property: Id(6)] DateTimeOffset? SettledAt = null);

/// <summary>A bill payment and where it stands with the biller.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.BillPaymentView")]
public sealed record BillPaymentView([property: Id(0)] BillPaymentReceipt Receipt, [property: Id(1)] BillerLeg? Biller)
{
    public BillerStatus BillerStatus => Biller?.Status ?? BillerStatus.NotSent;
}

/// <summary>Give the payment's money back (the bill calendar or the payment's follow-up asks, never a customer).</summary>
[GenerateSerializer, Immutable, Alias("Wallet.BillRefundOrder")]
public sealed record BillRefundOrder(
    [property: Id(0)] string CustomerId,
    [property: Id(1)] string PaymentId,
    [property: Id(2)] string WalletId,
    [property: Id(3)] string BillerId,
    [property: Id(4)] long Amount,
    [property: Id(5)] string Currency,
    [property: Id(6)] string Reason,
    [property: Id(7)] string AccountNumber,
    [property: Id(8)] string? BillRef);

/// <summary>A bill payment's money back: from the biller's clearing account to the wallet that paid.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.BillRefundReceipt")]
public sealed record BillRefundReceipt(
    [property: Id(0)] string PaymentId,
    [property: Id(1)] string WalletId,
    [property: Id(2)] string BillerId,
    [property: Id(3)] long Amount,
    [property: Id(4)] string Reason) : MovementOutcome
{
    public override MovementKind Kind => MovementKind.Refund;

    public override MovementSides Sides => new(MovementSide.Biller(BillerId), MovementSide.Wallet(WalletId));

    protected override MoneyFlow Flow => new(null, WalletId, Amount, Amount);
}

/// <summary>
/// Bill payments a biller confirmed after the bank had refunded them (one grain, key 0): the biller holds the
/// customer's payment and the customer has their money back, so the bank must recover it from the biller. Opened
/// once per payment; the operators work through them.
/// </summary>
[Alias("Wallet.IBillerCasesGrain")]
public interface IBillerCasesGrain : IGrainWithIntegerKey
{
    [Alias("Open")]
    Task Open(LateConfirmation confirmation);

    /// <summary>Newest first.</summary>
    [Alias("List"), AlwaysInterleave]
    Task<IReadOnlyList<LateConfirmation>> List();
}

/// <summary>A biller's confirmation of a payment that had already been refunded.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.LateConfirmation")]
public sealed record LateConfirmation(
    [property: Id(0)] string PaymentId,
    [property: Id(1)] string CustomerId,
    [property: Id(2)] string BillerId,
    [property: Id(3)] string AccountNumber,
    [property: Id(4)] long Amount,
    [property: Id(5)] string Currency,
    [property: Id(6)] string? BillerReference,
    [property: Id(7)] string? RefundId,
    [property: Id(8)] DateTimeOffset ConfirmedAt);
