using Wallet.Customers;

namespace Wallet.Movements;

/// <summary>Send money from one of the caller's wallets to another wallet, named directly or by its owner's phone.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.TransferOrder")]
public sealed record TransferOrder(
    [property: Id(0)] string CustomerId,
    [property: Id(1)] string Fingerprint,
    [property: Id(2)] string FromWalletId,
    [property: Id(3)] string? ToWalletId,
    [property: Id(4)] string? ToPhone,
    [property: Id(5)] long Amount,
    [property: Id(6)] string Currency,
    [property: Id(7)] string? Memo,
    [property: Id(8)] PaymentAuthorisation Authorisation)
{
    public override string ToString() => $"TransferOrder {{ From = {FromWalletId}, Amount = {Amount} {Currency} }}";
}

/// <summary>Bring money in from a bound card.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.TopUpOrder")]
public sealed record TopUpOrder(
    [property: Id(0)] string CustomerId,
    [property: Id(1)] string Fingerprint,
    [property: Id(2)] string WalletId,
    [property: Id(3)] string CardId,
    [property: Id(4)] long Amount,
    [property: Id(5)] string Currency);

/// <summary>Send money out to a bound card.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.WithdrawalOrder")]
public sealed record WithdrawalOrder(
    [property: Id(0)] string CustomerId,
    [property: Id(1)] string Fingerprint,
    [property: Id(2)] string WalletId,
    [property: Id(3)] string CardId,
    [property: Id(4)] long Amount,
    [property: Id(5)] string Currency,
    [property: Id(6)] PaymentAuthorisation Authorisation)
{
    public override string ToString() => $"WithdrawalOrder {{ Wallet = {WalletId}, Amount = {Amount} {Currency} }}";
}

/// <summary>Pay a merchant by scanning its QR code: the code's merchant and id from the payload, and the amount (the code's own when it fixes one).</summary>
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
    [property: Id(8)] string? CouponId = null)
{
    public override string ToString() => $"PaymentOrder {{ From = {FromWalletId}, Merchant = {MerchantId}, Amount = {Amount} {Currency} }}";
}

/// <summary>A merchant gives back all or part of a payment to the payer's wallet.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.RefundOrder")]
public sealed record RefundOrder(
    [property: Id(0)] string MerchantId,
    [property: Id(1)] string Fingerprint,
    [property: Id(2)] string PaymentId,
    [property: Id(3)] long Amount);

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

/// <summary>Sweep a merchant's settlement wallet: the whole balance out, less the fee to the bank's fee account, in the merchant's currency.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.SettlementOrder")]
public sealed record SettlementOrder(
    [property: Id(0)] string MerchantId,
    [property: Id(1)] string WalletId,
    [property: Id(2)] int FeeBasisPoints,
    [property: Id(3)] string Currency)
{
    /// <summary>The bank's fee on settling <paramref name="gross"/>, rounded down to the minor unit.</summary>
    public long FeeOn(long gross) => gross * FeeBasisPoints / 10_000;
}

/// <summary>A merchant authorises (holds) an amount on the payment code a customer shows; captured or voided later.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.AuthorizationOrder")]
public sealed record AuthorizationOrder(
    [property: Id(0)] string MerchantId,
    [property: Id(1)] string Fingerprint,
    [property: Id(2)] string PaymentCode,
    [property: Id(3)] long Amount,
    [property: Id(4)] string Currency,
    [property: Id(5)] string OrderId);
