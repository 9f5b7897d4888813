using Wallet.Bills;
using Wallet.Customers;
using Wallet.Hosting;
using Wallet.Ledger;
using Wallet.Merchants;
using Wallet.Money;
using Wallet.Notifications;
using Wallet.Refusals;
using Wallet.Risk;
using Wallet.Wallets;

namespace Wallet.Movements;

/// <summary>
/// A merchant charging a customer's payment code. A small charge completes at once (the code claimed, the
/// payer debited, the merchant credited, in one transaction); a large one, or one past the day's allowance of
/// unconfirmed code payments, first claims the code and waits for the payer's confirmation.
/// </summary>
[Orleans.Placement.PreferLocalPlacement]
public sealed class ChargeGrain(
    [TransactionalState("movement", StorageNames.Wallet)] ITransactionalState<ChargeRecord> record,
    MovementServices services)
    : MovementGrain<PaymentReceipt, ChargeRecord>(record, services), IChargeGrain
{
    private PaymentOffers Offers => new(GrainFactory, MovementId, Clock, Logger);

    public async Task<PaymentReceipt> Charge(ChargeOrder order)
    {
        if (await Recorded(order.MerchantId, order.Fingerprint) is { } earlier)
        {
            return await ExpireIfOverdue(earlier);
        }
        RequireMovableAmount(order.Amount, order.Currency);
        var code = await GrainFactory.GetGrain<IPaymentCodeGrain>(order.PaymentCode).Read()
            ?? throw new WalletRefusedException(RefusalCodes.InvalidPaymentCode, "No such payment code.");
        var merchant = await GrainFactory.GetGrain<IMerchantGrain>(order.MerchantId).GetFacts() ?? throw WalletRefusedException.NotFound("The merchant");
        var from = await Wallet(code.WalletId).GetFacts() ?? throw WalletRefusedException.NotFound("The payer's wallet");
        var to = await Receiving(merchant.SettlementWalletId, "The merchant's wallet");
        var payer = GrainFactory.GetGrain<IPayerGrain>(code.CustomerId);
        var restriction = await GrainFactory.GetGrain<ICustomerGrain>(code.CustomerId).GetRestriction();
        if (Restrictions.RefusesDebit(restriction, payerAuthorised: true, reviewed: false) is { } restricted)
        {
            throw restricted.AsException(); // a merchant at the till cannot wait for a review; a PIN would not help
        }
        var confirm = order.Amount > PaymentCodes.ConfirmAbove || restriction == Restriction.StepUp
            || await payer.CodePaymentsToday() >= PaymentCodes.UnconfirmedPerDay;
        var now = Clock.GetUtcNow();
        var receipt = Accepted(new PaymentReceipt(code.CustomerId, from.WalletId, order.MerchantId, to.WalletId, order.OrderId, order.Amount), order.Currency)
            with { Exchange = await Fx.PriceFrom(from.Currency, order.Amount, order.Currency) }; // a merchant in another currency: at the rate of the charge
        var claim = GrainFactory.GetGrain<IPaymentCodeGrain>(order.PaymentCode);
        if (confirm)
        {
            var pending = receipt with { Status = MovementStatus.PendingConfirmation, ConfirmBy = now + PaymentCodes.ConfirmWithin };
            var waiting = await Commit(order.MerchantId, order.Fingerprint, pending, () => claim.Claim(MovementId, now));
            if (waiting is { Status: MovementStatus.PendingConfirmation, ConfirmBy: { } confirmBy })
            {
                // The payer's app lists it to confirm (GET /v1/me/pending-payments), and their inbox says so.
                await payer.NotePendingCharge(new PendingCharge(MovementId, merchant.Name, order.Amount, order.Currency, confirmBy));
                await GrainFactory.GetGrain<INotificationInboxGrain>(code.CustomerId).Post(new Notification($"ntf_{MovementId}_confirm", "payment_to_confirm",
                    "Confirm a payment", $"{merchant.Name} asks you to pay {Amounts.Format(order.Amount, order.Currency)}: confirm it with your payment PIN or your device within {PaymentCodes.ConfirmWithin.TotalMinutes:0} minutes, or let it lapse.",
                    now, MovementId));
            }
            return waiting;
        }
        var outcome = await PayWithOffer(receipt, merchant, confirmed: false, () => claim.Claim(MovementId, now),
            (paying, move, amend) => Commit(order.MerchantId, order.Fingerprint, paying, move, amend: amend));
        if (outcome.Status == MovementStatus.Completed)
        {
            await payer.NoteCodePayment();
        }
        return outcome;
    }

    public async Task<PaymentReceipt> Confirm(string customerId, PaymentAuthorisation authorisation)
    {
        var known = await Known();
        if (known?.Receipt is not { } receipt || receipt.PayerId != customerId)
        {
            throw WalletRefusedException.NotFound("The payment");
        }
        if (receipt.Status != MovementStatus.PendingConfirmation)
        {
            return receipt.Status == MovementStatus.Completed
                ? receipt
                : throw new WalletRefusedException(RefusalCodes.NotPending, "This payment is not waiting for confirmation.");
        }
        // The payer confirms this charge: the merchant's, its amount, under the payment's own id. No idempotency key
        // here: the same confirmation again (same payment, same PIN or signature) is its replay.
        await GrainFactory.GetGrain<IPaymentCredentialsGrain>(customerId).AuthorisePayment(authorisation.For($"{MovementId} confirm"),
            new Devices.SignedPayment(Devices.SignedPayment.Payment, receipt.Price, receipt.Currency, receipt.MerchantId, MovementId));
        if (await ExpireIfOverdue(receipt) is { Status: MovementStatus.Refused } expired)
        {
            return expired;
        }
        var merchant = await GrainFactory.GetGrain<IMerchantGrain>(receipt.MerchantId).GetFacts() ?? throw WalletRefusedException.NotFound("The merchant");
        var outcome = await PayWithOffer(receipt with { Status = MovementStatus.Completed, ConfirmBy = null }, merchant, confirmed: true, claim: Nothing,
            (paying, move, amend) => Resolve(known, paying, move, MovementStatus.PendingConfirmation, amend: amend));
        var payer = GrainFactory.GetGrain<IPayerGrain>(customerId);
        await payer.ForgetPendingCharge(MovementId);
        if (outcome.Status == MovementStatus.Completed)
        {
            await payer.NoteCodePayment();
        }
        return outcome;
    }

    /// <summary>
    /// The charge's money with the merchant's offer: the code's claim (when not claimed yet), the payer's debit, the merchant's credit,
    /// committed by <paramref name="commit"/> (a new charge, or the confirmation of a pending one).
    /// </summary>
    private async Task<PaymentReceipt> PayWithOffer(PaymentReceipt receipt, MerchantFacts merchant, bool confirmed, Func<Task<Refusal?>> claim,
        Func<PaymentReceipt, Func<Task<Refusal?>>, Func<PaymentReceipt, PaymentReceipt>, Task<PaymentReceipt>> commit)
    {
        var offers = Offers;
        var to = await Receiving(receipt.MerchantWalletId, "The merchant's wallet");
        var debit = new Posting(MovementId, MovementKind.Payment, receipt.PayerId, receipt.Price, receipt.Currency, receipt.MerchantId,
            $"{merchant.Name} {receipt.OrderId}", PayerAuthorised: confirmed, Category: SpendingCategories.ForMerchant(merchant.Category));
        if (receipt.Exchange is { } exchange)
        {
            // From a wallet in another currency: at the rate of the charge (a pending one keeps it), no campaign's offer, the FX positions.
            var converted = debit with { Amount = exchange.WalletAmount, Currency = exchange.WalletCurrency, Memo = $"{debit.Memo} ({Amounts.Format(receipt.Price, receipt.Currency)} at {exchange.Rate})" };
            return await commit(receipt, async () => await claim()
                ?? await DebitThenCredit(receipt.PayerWalletId, converted, to, receipt.Price, receipt.Currency)
                ?? await Fx.PaidAcross(exchange, receipt.Price, receipt.Currency, receipt.PayerWalletId), static r => r);
        }
        var promoted = await offers.OfferFor(receipt.MerchantId, receipt.PayerId, receipt.Price, couponId: null);
        PaymentReceipt? outcome = null;
        try
        {
            return outcome = await commit(receipt, async () => await claim()
                ?? await offers.Pay(debit, receipt.PayerWalletId, receipt.MerchantId, promoted, (paid, credited) => DebitThenCredit(receipt.PayerWalletId, paid, to, credited)),
                promoted.Amend);
        }
        finally
        {
            await offers.Close(receipt.MerchantId, promoted, outcome);
        }
    }

    /// <summary>A pending charge past its confirmation time is refused for good (the code stays used: the customer shows a new one).</summary>
    private async Task<PaymentReceipt> ExpireIfOverdue(PaymentReceipt receipt)
    {
        if (receipt is not { Status: MovementStatus.PendingConfirmation, ConfirmBy: { } by } || Clock.GetUtcNow() <= by)
        {
            return receipt;
        }
        var known = await Known() ?? throw WalletRefusedException.NotFound("The payment");
        var expired = await Resolve(known,
            Refused(receipt with { ConfirmBy = null, Replayed = false }, new Refusal(RefusalCodes.ConfirmationExpired, "The payer did not confirm in time.")), Nothing, MovementStatus.PendingConfirmation);
        await GrainFactory.GetGrain<IPayerGrain>(receipt.PayerId).ForgetPendingCharge(MovementId);
        return expired;
    }

    public async Task<bool> VoidPending(string customerId)
    {
        if (await Known() is not { Receipt: { Status: MovementStatus.PendingConfirmation } receipt } known || receipt.PayerId != customerId)
        {
            return false;
        }
        var voided = await Resolve(known, Refused(receipt with { ConfirmBy = null, Replayed = false },
            new Refusal(RefusalCodes.PaymentVoided, "The payer reported the phone or account lost; the charge was not paid.")), Nothing, MovementStatus.PendingConfirmation);
        return voided.Refusal?.Code == RefusalCodes.PaymentVoided; // the payer forgot it already, when the report asked
    }

    public async Task<PaymentReceipt?> Find(string callerId)
        => await Known() is { Receipt: { } receipt } && (receipt.MerchantId == callerId || receipt.PayerId == callerId)
            ? await ExpireIfOverdue(receipt) : null; // a charge past its confirmation time reads as what it is, refused

    public Task<Refusal?> AddRefund(string merchantId, long amount, string refundId)
        => Record.PerformUpdate(r => r.Refunds.Add(MerchantPayments.Refundable(r.Receipt, merchantId), amount, refundId));

    public async Task<RefundablePayment?> FindPayment(string merchantId) => MerchantPayments.Refundable((await Known())?.Receipt, merchantId);

    public async Task<IReadOnlyList<string>?> ListRefunds(string merchantId)
        => await ReadRecord() is { } known && MerchantPayments.Refundable(known.Receipt, merchantId) is not null ? known.Refunds.Ids : null; // read afresh: refunds are added by other movements' transactions

    protected override Task AfterCommit(PaymentReceipt outcome) => MerchantPayments.Announce(GrainFactory, outcome, outcome.MerchantId, Logger);
}

[GenerateSerializer, Alias("Wallet.ChargeRecord")]
public sealed class ChargeRecord : MovementRecord<PaymentReceipt>, IKeepsRefunds
{
    [Id(0)] public PaymentRefunds Refunds { get; set; } = new();
}
