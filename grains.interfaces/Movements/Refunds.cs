using Wallet.Wallets;

namespace Wallet.Movements;

/// <summary>A merchant gives back part or all of a payment: the payment's refunded total, the merchant's debit and the payer's credit in one transaction.</summary>
[Alias("Wallet.IRefundGrain")]
public interface IRefundGrain : IMovementGrain
{
    [Alias("Refund")]
    Task<RefundReceipt> Refund(RefundOrder order);

    /// <summary>The refund as recorded, for the merchant that gave it; otherwise null.</summary>
    [Alias("Find")]
    Task<RefundReceipt?> Find(string merchantId);
}

/// <summary>A merchant gives back all or part of a payment to the payer's wallet; or, <see cref="Chargeback"/>, the bank takes it back from the merchant for an upheld claim.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.RefundOrder")]
public sealed record RefundOrder(
    [property: Id(0)] string MerchantId,
    [property: Id(1)] string Fingerprint,
    [property: Id(2)] string PaymentId,
    [property: Id(3)] long Amount,
    [property: Id(4)] bool Chargeback = false);

/// <summary>A refund as recorded: from the merchant's settlement wallet back to the wallet that paid.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.RefundReceipt")]
public sealed record RefundReceipt(
    [property: Id(0)] string MerchantId,
    [property: Id(1)] string PaymentId,
    [property: Id(2)] string MerchantWalletId,
    [property: Id(3)] string PayerWalletId,
    [property: Id(4)] long Amount,
    [property: Id(5)] string? OrderId) : MovementOutcome
{
    /// <summary>A refund of a payment made from a wallet in another currency: what that wallet got back, at the rate of the refund's moment; null otherwise.</summary>
    [Id(6)] public Exchanged? Exchange { get; init; }

    /// <summary>A chargeback: the bank gave the payment back for an upheld claim (the merchant cannot refuse it); its webhook is <c>refund.chargeback</c>.</summary>
    [Id(7)] public bool Chargeback { get; init; }

    public override MovementKind Kind => MovementKind.Refund;

    public override MovementSides Sides => new(MovementSide.Merchant(MerchantId), MovementSide.Wallet(PayerWalletId));

    protected override MoneyFlow Flow => new(MerchantWalletId, PayerWalletId, Amount, Exchange?.WalletAmount ?? Amount, MerchantId, InCurrency: Exchange?.WalletCurrency);
}
