using Wallet.Hosting;
using Wallet.Ledger;
using Wallet.Refusals;
using Wallet.Wallets;

namespace Wallet.Movements;

/// <summary>
/// A merchant gives back part or all of a payment: in one transaction the payment counts the refund against
/// what the merchant received, the merchant's settlement wallet is debited and the payer's wallet credited.
/// </summary>
[Orleans.Placement.PreferLocalPlacement]
public sealed class RefundGrain(
    [TransactionalState("movement", StorageNames.Wallet)] ITransactionalState<RefundRecord> record,
    MovementServices services)
    : MovementGrain<RefundReceipt, RefundRecord>(record, services), IRefundGrain
{
    public async Task<RefundReceipt> Refund(RefundOrder order)
    {
        if (await Recorded(order.MerchantId, order.Fingerprint) is { } earlier)
        {
            return earlier;
        }
        RequireMovableAmount(order.Amount, currency: null); // a refund is in the payment's currency, whatever it is
        var paymentGrain = MovementIds.Refundable(GrainFactory, order.PaymentId) ?? throw WalletRefusedException.NotFound("The payment");
        var payment = await paymentGrain.FindPayment(order.MerchantId) ?? throw WalletRefusedException.NotFound("The payment");
        var exchange = await ExchangeFor(payment, order.Amount);
        var receipt = Accepted(new RefundReceipt(order.MerchantId, payment.PaymentId, payment.MerchantWalletId, payment.PayerWalletId, order.Amount, payment.OrderId),
            payment.Currency) with { Exchange = exchange, Chargeback = order.Chargeback };
        var to = await Receiving(payment.PayerWalletId, "The payer's wallet");
        var debit = new Posting(MovementId, MovementKind.Refund, order.MerchantId, order.Amount, payment.Currency, payment.PayerWalletId,
            order.Chargeback ? $"chargeback of {payment.PaymentId}" : $"refund of {payment.PaymentId}");
        return await Commit(order.MerchantId, order.Fingerprint, receipt, async () =>
        {
            if (await paymentGrain.AddRefund(order.MerchantId, order.Amount, MovementId) is { } notRefundable)
            {
                return notRefundable;
            }
            if (await DebitThenCredit(payment.MerchantWalletId, debit, to, exchange?.WalletAmount, exchange?.WalletCurrency) is { } refused)
            {
                throw refused.AsException(); // aborted, so the refunded total counted above keeps no refund that moved nothing; recorded on its own
            }
            if (exchange is not null)
            {
                await Fx.PositionsMove(payment.Currency, order.Amount, exchange.WalletCurrency, exchange.WalletAmount, payment.PayerWalletId);
            }
            return null;
        });
    }

    /// <summary>
    /// A payment made from a wallet in another currency is refunded into it at the bank's buy rate of the refund's moment
    /// (the merchant gives back its own currency; the wallet gets what that buys now, rounded down).
    /// </summary>
    private async Task<Exchanged?> ExchangeFor(RefundablePayment payment, long amount)
    {
        if (payment.PayerCurrency is not { } walletCurrency || walletCurrency == payment.Currency)
        {
            return null;
        }
        var rate = await Fx.Rate(payment.Currency, walletCurrency);
        var back = global::Wallet.Fx.FxArithmetic.Receives(amount, rate.Buy, rate.Pair);
        return back >= 1 ? new Exchanged(back, walletCurrency, rate.Buy)
            : throw new WalletRefusedException(RefusalCodes.AmountTooSmall, $"{Money.Amounts.Format(amount, payment.Currency)} refunds less than the smallest unit of {walletCurrency}.");
    }

    public Task<RefundReceipt?> Find(string merchantId) => RecordedFor(merchantId);

    protected override Task AfterCommit(RefundReceipt outcome) => MerchantPayments.Announce(GrainFactory, outcome, outcome.MerchantId, Logger);
}

[GenerateSerializer, Alias("Wallet.RefundRecord")]
public sealed class RefundRecord : MovementRecord<RefundReceipt>;
