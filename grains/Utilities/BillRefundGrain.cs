using Wallet.Bills;
using Wallet.Hosting;
using Wallet.Ledger;
using Wallet.Movements;
using Wallet.Wallets;

namespace Wallet.Utilities;

/// <summary>
/// A bill payment's money back: in one transaction the payment is marked refunded (only while it is still pending
/// with the biller), the bill let go, the biller's clearing account debited and the wallet credited. Its id is made
/// from the payment's, so however often it is asked, it happens once.
/// </summary>
[Orleans.Placement.PreferLocalPlacement]
public sealed class BillRefundGrain(
    [TransactionalState("movement", StorageNames.Wallet)] ITransactionalState<BillRefundRecord> record,
    MovementServices services)
    : MovementGrain<BillRefundReceipt, BillRefundRecord>(record, services), IBillRefundGrain
{
    /// <summary>The refund gives back to utilities, where its payment counted: the analysis takes it off there, not off <c>refunds</c>.</summary>
    protected override Task<SpendingCategory?> SpendingCategoryOf(MoneyFlow moved) => Task.FromResult<SpendingCategory?>(SpendingCategory.Utilities);

    public async Task<BillRefundReceipt> Refund(BillRefundOrder order)
    {
        var fingerprint = $"refund {order.PaymentId}";
        if (await Recorded(order.CustomerId, fingerprint) is { } earlier)
        {
            return earlier;
        }
        if (MovementIds.For(Workflow.BillRefund, order.CustomerId, order.PaymentId) != MovementId)
        {
            throw new InvalidOperationException($"Bill refund {MovementId} is not the refund of payment {order.PaymentId}.");
        }
        // Asked by the payment itself, which waits for the answer: what is refunded comes in the order, and the
        // payment checks it against its record inside the transaction.
        var payment = GrainFactory.GetGrain<IBillPaymentGrain>(order.PaymentId);
        var receipt = Accepted(new BillRefundReceipt(order.PaymentId, order.WalletId, order.BillerId, order.Amount, order.Reason), order.Currency);
        var credit = new Posting(MovementId, MovementKind.Refund, order.CustomerId, receipt.Amount, receipt.Currency, receipt.BillerId, $"refund of {order.PaymentId}");
        return await Commit(order.CustomerId, fingerprint, receipt, async () =>
        {
            if (await payment.MarkRefunded(MovementId, order) is { } notPending)
            {
                return notPending;
            }
            if (order.BillRef is { } billRef)
            {
                await GrainFactory.GetGrain<IUtilityBillGrain>(UtilityBills.KeyOf(order.BillerId, order.AccountNumber, billRef)).Release(order.PaymentId);
            }
            await Clearing(ClearingAccounts.Biller(receipt.BillerId), receipt.Currency, receipt.WalletId).Post(MovementId, -receipt.Amount);
            await Wallet(receipt.WalletId).Credit(credit);
            return null;
        });
    }

    public Task<BillRefundReceipt?> Find(string customerId) => RecordedFor(customerId);
}

[GenerateSerializer, Alias("Wallet.BillRefundRecord")]
public sealed class BillRefundRecord : MovementRecord<BillRefundReceipt>;
