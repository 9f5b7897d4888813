using Wallet.Customers;
using Wallet.Promotions;
using Wallet.Refusals;
using Wallet.Wallets;

namespace Wallet.Movements;

/// <summary>A customer pays a merchant's QR code: the code's claim, the payer's debit and the merchant's credit in one transaction.</summary>
[Alias("Wallet.IQrPaymentGrain")]
public interface IQrPaymentGrain : IReviewableMovementGrain, IRefundablePaymentGrain
{
    [Alias("Pay")]
    Task<PaymentReceipt> Pay(PaymentOrder order);

    /// <summary>The payment as recorded, for its payer (in any state) or its merchant (once completed: the money arrived); otherwise null.</summary>
    [Alias("Find")]
    Task<PaymentReceipt?> Find(string callerId);
}

/// <summary>
/// A merchant charges a customer's payment code: completed at once, or (above ¥1,000, or after ten code
/// payments that day) pending until the payer confirms within two minutes.
/// </summary>
[Alias("Wallet.IChargeGrain")]
public interface IChargeGrain : IRefundablePaymentGrain
{
    [Alias("Charge")]
    Task<PaymentReceipt> Charge(ChargeOrder order);

    /// <summary>The payer confirms a pending charge with the PIN or a device signature; the money moves then.</summary>
    [Alias("Confirm")]
    Task<PaymentReceipt> Confirm(string customerId, PaymentAuthorisation authorisation);

    /// <summary>A report of loss: a charge still waiting for the payer's confirmation is refused (<c>payment_voided</c>); false when it was not waiting.</summary>
    [Alias("VoidPending")]
    Task<bool> VoidPending(string customerId);

    /// <summary>The charge as recorded, for its merchant or its payer (a charge past its confirmation time reads as refused); otherwise null.</summary>
    [Alias("Find")]
    Task<PaymentReceipt?> Find(string callerId);
}

/// <summary>A merchant's completed payment, which refunds may give back in part or whole.</summary>
[Alias("Wallet.IRefundablePaymentGrain")]
public interface IRefundablePaymentGrain : IMovementGrain
{
    /// <summary>
    /// Inside a refund's transaction, on the payment: counts <paramref name="amount"/> against what was
    /// paid, or says why not (not this merchant's completed payment, or more than is left to refund).
    /// </summary>
    [Alias("AddRefund"), Transaction(TransactionOption.Join), AlwaysInterleave]
    Task<Refusal?> AddRefund(string merchantId, long amount, string refundId);

    /// <summary>A merchant's completed payment as recorded, or null when it is not theirs.</summary>
    [Alias("FindPayment")]
    Task<RefundablePayment?> FindPayment(string merchantId);

    /// <summary>The ids of a merchant's payment's refunds, oldest first; null when it is not that merchant's payment.</summary>
    [Alias("ListRefunds")]
    Task<IReadOnlyList<string>?> ListRefunds(string merchantId);
}

/// <summary>What a refund needs of the payment it gives back: who paid whom, and what the merchant received (refunds give back at most that).</summary>
[GenerateSerializer, Immutable, Alias("Wallet.RefundablePayment")]
public sealed record RefundablePayment(
    [property: Id(0)] string PaymentId,
    [property: Id(1)] string PayerWalletId,
    [property: Id(2)] string MerchantWalletId,
    [property: Id(3)] long MerchantReceived,
    [property: Id(4)] string Currency,
    [property: Id(5)] string? OrderId,
    [property: Id(6)] string? PayerCurrency = null);

/// <summary>
/// Pay a merchant by scanning its QR code: the code's merchant and id from the payload, and the amount (the code's own
/// when it fixes one). <see cref="Exchange"/>: kept on an order held for review in another currency, the conversion it was
/// held at, which its release pays.
/// </summary>
[GenerateSerializer, Immutable, Alias("Wallet.PaymentOrder")]
public sealed record PaymentOrder(
    [property: Id(0)] string CustomerId,
    [property: Id(1)] string Fingerprint,
    [property: Id(2)] string FromWalletId,
    [property: Id(3)] string MerchantId,
    [property: Id(4)] string QrCodeId,
    [property: Id(5)] long Amount,
    [property: Id(6)] string Currency,
    [property: Id(7)] PaymentAuthorisation Authorisation,
    [property: Id(8)] string? CouponId = null,
    [property: Id(9)] Exchanged? Exchange = null)
{
    public override string ToString() => $"PaymentOrder {{ From = {FromWalletId}, Merchant = {MerchantId}, Amount = {Amount} {Currency} }}";
}

/// <summary>A merchant charges the payment code a customer shows; <see cref="OrderId"/> is the merchant's own, idempotent per merchant.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.ChargeOrder")]
public sealed record ChargeOrder(
    [property: Id(0)] string MerchantId,
    [property: Id(1)] string Fingerprint,
    [property: Id(2)] string PaymentCode,
    [property: Id(3)] long Amount,
    [property: Id(4)] string Currency,
    [property: Id(5)] string OrderId)
{
    public override string ToString() => $"ChargeOrder {{ Merchant = {MerchantId}, Order = {OrderId}, Amount = {Amount} {Currency} }}";
}

/// <summary>
/// A merchant payment as recorded (by QR code or by a charge of a payment code): the payer's wallet to the
/// merchant's settlement wallet. <see cref="Price"/> is what was asked; the payer paid <see cref="Paid"/> (less a
/// discount) and the merchant received <see cref="MerchantReceived"/> (less a cashback, which came out of its part).
/// </summary>
[GenerateSerializer, Immutable, Alias("Wallet.PaymentReceipt")]
public sealed record PaymentReceipt(
    [property: Id(0)] string PayerId,
    [property: Id(1)] string PayerWalletId,
    [property: Id(2)] string MerchantId,
    [property: Id(3)] string MerchantWalletId,
    [property: Id(4)] string? OrderId,
    [property: Id(5)] long Price) : ReviewableOutcome
{
    /// <summary>What a campaign gave on this payment, if one did.</summary>
    [Id(6)] public AppliedPromotion? Promotion { get; init; }

    /// <summary>For a charge waiting for its payer: the time by which they must confirm it.</summary>
    [Id(7)] public DateTimeOffset? ConfirmBy { get; init; }

    /// <summary>Paid from a wallet in another currency than the merchant's: what that wallet paid, and at what rate; null otherwise.</summary>
    [Id(8)] public Exchanged? Exchange { get; init; }

    /// <summary>The top-up from the owner's card that covered what the wallet lacked before it paid (an auto top-up), or null.</summary>
    [Id(9)] public Wallets.AutoTopUpApplied? AutoTopUp { get; init; }

    /// <summary>The redemption from the owner's money-market fund that covered what the wallet lacked before it paid ("balance plus fund"), or null.</summary>
    [Id(10)] public Wallets.FundCoverApplied? FundCover { get; init; }

    public long Paid => Price - (Promotion?.Discount ?? 0);

    public long MerchantReceived => Paid - (Promotion?.Cashback ?? 0);

    public override MovementKind Kind => MovementKind.Payment;

    public override MovementSides Sides => new(MovementSide.Wallet(PayerWalletId), MovementSide.Merchant(MerchantId));

    protected override MoneyFlow Flow => new(PayerWalletId, MerchantWalletId, SenderPays, MerchantReceived, MerchantId, OutCurrency: Exchange?.WalletCurrency);

    public override string HeldWalletId => PayerWalletId;

    public override long HeldAmount => Exchange?.WalletAmount ?? Price;

    public override long SenderPays => Exchange?.WalletAmount ?? Paid;

    public override string SenderCurrency => Exchange?.WalletCurrency ?? Currency;
}
