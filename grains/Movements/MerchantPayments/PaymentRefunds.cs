using Wallet.Money;
using Wallet.Refusals;

namespace Wallet.Movements;

/// <summary>
/// What refunds have given back of a merchant's payment: the total, never more than the merchant received, and
/// the refunds' ids oldest first (so a merchant can list them). Kept in the payment's own record and written by
/// each refund's transaction, so the refunded total and the money always agree.
/// </summary>
[GenerateSerializer, Alias("Wallet.PaymentRefunds")]
public sealed class PaymentRefunds
{
    [Id(0)] public long Total { get; set; }

    [Id(1)] public List<string> Ids { get; set; } = [];

    /// <summary>Counts a refund against the payment, or says why not: no such payment of this merchant, or more than is left.</summary>
    public Refusal? Add(RefundablePayment? payment, long amount, string refundId)
    {
        if (payment is null)
        {
            return new Refusal(RefusalCodes.NotFound, "The payment was not found.");
        }
        if (Total + amount > payment.MerchantReceived)
        {
            return new Refusal(RefusalCodes.RefundExceedsPayment,
                $"Refunds of this payment may total at most {Amounts.Format(payment.MerchantReceived, payment.Currency)}; {Amounts.Format(Total, payment.Currency)} is refunded already.");
        }
        Total += amount;
        Ids.Add(refundId);
        return null;
    }
}

/// <summary>A record that keeps a payment's refunds.</summary>
public interface IKeepsRefunds
{
    PaymentRefunds Refunds { get; }
}
