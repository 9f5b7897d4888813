using Wallet.Webhooks;

namespace Wallet.Movements;

/// <summary>What a merchant's payments have in common, whichever way they were paid (QR code, charge, captured authorisation).</summary>
public static class MerchantPayments
{
    /// <summary>A merchant's completed payment, as refunds see it; null when it is not theirs or not completed.</summary>
    public static RefundablePayment? Refundable(PaymentReceipt? paid, string merchantId)
        => paid is { Status: MovementStatus.Completed } && paid.MerchantId == merchantId
            ? new RefundablePayment(paid.MovementId, paid.PayerWalletId, paid.MerchantWalletId, paid.MerchantReceived, paid.Currency, paid.OrderId, paid.Exchange?.WalletCurrency)
            : null;

    /// <summary>Tells the merchant's webhooks about a committed outcome: after the commit, never from inside the transaction.</summary>
    public static Task Announce(IGrainFactory grains, MovementOutcome outcome, string merchantId, ILogger logger)
        => MerchantEvents.For(outcome) is { } merchantEvent ? MerchantEvents.Announce(grains, merchantId, merchantEvent, logger) : Task.CompletedTask;
}
