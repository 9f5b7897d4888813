using Wallet.Customers;
using Wallet.Ledger;
using Wallet.Merchants;
using Wallet.Money;
using Wallet.Notifications;
using Wallet.Refusals;
using Wallet.Risk;
using Wallet.Wallets;

namespace Wallet.Movements;

/// <summary>
/// Merchants charging a customer's payment code. A small charge completes at once (the code claimed,
/// the payer debited, the merchant credited, in one transaction); a large one, or one past the day's
/// allowance of unconfirmed code payments, first claims the code and waits for the payer's confirmation.
/// </summary>
public sealed partial class MovementGrain
{
    public async Task<MovementReceipt> Charge(ChargeOrder order)
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
        var to = await Wallet(merchant.SettlementWalletId).GetFactsToCredit() ?? throw WalletRefusedException.NotFound("The merchant's wallet");
        var payer = GrainFactory.GetGrain<IPayerGrain>(code.CustomerId);
        var restriction = await GrainFactory.GetGrain<ICustomerGrain>(code.CustomerId).GetRestriction();
        if (Restrictions.RefusesDebit(restriction, payerAuthorised: true, reviewed: false) is { } restricted)
        {
            throw restricted.AsException(); // a merchant at the till cannot wait for a review; a PIN would not help
        }
        var confirm = order.Amount > PaymentCodes.ConfirmAbove || restriction == Restriction.StepUp
            || await payer.CodePaymentsToday() >= PaymentCodes.UnconfirmedPerDay;
        var now = clock.GetUtcNow();
        var receipt = NewReceipt(MovementKind.Payment, from.WalletId, to.WalletId, null, order.Amount, order.Currency, order.OrderId)
            with { MerchantId = order.MerchantId, OrderId = order.OrderId, PayerId = code.CustomerId };
        var claim = GrainFactory.GetGrain<IPaymentCodeGrain>(order.PaymentCode);
        if (confirm)
        {
            var pending = receipt with { Status = MovementStatus.PendingConfirmation, ConfirmBy = now + PaymentCodes.ConfirmWithin };
            var waiting = await Commit(order.MerchantId, order.Fingerprint, pending, () => claim.Claim(MovementId, now));
            if (waiting.Status == MovementStatus.PendingConfirmation)
            {
                // The payer's app lists it to confirm (GET /v1/me/pending-payments), and their inbox says so.
                await payer.NotePendingCharge(new PendingCharge(MovementId, merchant.Name, order.Amount, order.Currency, waiting.ConfirmBy!.Value));
                await GrainFactory.GetGrain<INotificationInboxGrain>(code.CustomerId).Post(new Notification($"ntf_{MovementId}_confirm", "payment_to_confirm",
                    "Confirm a payment", $"{merchant.Name} asks you to pay {Amounts.Format(order.Amount, order.Currency)}: confirm it with your payment PIN or your device within {PaymentCodes.ConfirmWithin.TotalMinutes:0} minutes, or let it lapse.",
                    now, MovementId));
            }
            return waiting;
        }
        var promoted = await OfferFor(order.MerchantId, code.CustomerId, order.Amount, couponId: null);
        MovementReceipt? outcome = null;
        try
        {
            outcome = await Commit(order.MerchantId, order.Fingerprint, receipt, async () =>
                await claim.Claim(MovementId, now) ?? await Pay(from.WalletId, PaymentDebit(receipt, code.CustomerId, merchant.Name, confirmed: false), to, promoted), amend: promoted.Amend);
        }
        finally
        {
            await CloseOffer(order.MerchantId, promoted, outcome);
        }
        if (outcome.Status == MovementStatus.Completed)
        {
            await payer.NoteCodePayment();
        }
        return outcome;
    }

    public async Task<MovementReceipt> Confirm(string customerId, PaymentAuthorisation authorisation)
    {
        var known = _settled ?? await ReadRecord();
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
            new Devices.SignedPayment(Devices.SignedPayment.Payment, receipt.Amount, receipt.Currency, receipt.MerchantId!, MovementId));
        if (await ExpireIfOverdue(receipt) is { Status: MovementStatus.Refused } expired)
        {
            return expired;
        }
        var merchant = await GrainFactory.GetGrain<IMerchantGrain>(receipt.MerchantId!).GetFacts() ?? throw WalletRefusedException.NotFound("The merchant");
        var to = await Wallet(receipt.ToWalletId!).GetFactsToCredit() ?? throw WalletRefusedException.NotFound("The merchant's wallet");
        var completed = receipt with { Status = MovementStatus.Completed, ConfirmBy = null };
        var promoted = await OfferFor(receipt.MerchantId!, customerId, receipt.Amount, couponId: null);
        MovementReceipt? outcome = null;
        try
        {
            outcome = await Commit(known.CustomerId!, known.Fingerprint!, completed,
                () => Pay(receipt.FromWalletId!, PaymentDebit(receipt, customerId, merchant.Name, confirmed: true), to, promoted), resolves: MovementStatus.PendingConfirmation, amend: promoted.Amend);
        }
        finally
        {
            await CloseOffer(receipt.MerchantId!, promoted, outcome);
        }
        var payer = GrainFactory.GetGrain<IPayerGrain>(customerId);
        await payer.ForgetPendingCharge(MovementId);
        if (outcome.Status == MovementStatus.Completed)
        {
            await payer.NoteCodePayment();
        }
        return outcome;
    }

    /// <summary>A pending charge past its confirmation time is refused for good (the code stays used: the customer shows a new one).</summary>
    private async Task<MovementReceipt> ExpireIfOverdue(MovementReceipt receipt)
    {
        if (receipt is not { Status: MovementStatus.PendingConfirmation, ConfirmBy: { } by } || clock.GetUtcNow() <= by)
        {
            return receipt;
        }
        var known = _settled ?? await ReadRecord();
        var expired = await Commit(known!.CustomerId!, known.Fingerprint!,
            Refused(receipt with { ConfirmBy = null }, new Refusal(RefusalCodes.ConfirmationExpired, "The payer did not confirm in time.")), Nothing, resolves: MovementStatus.PendingConfirmation);
        await GrainFactory.GetGrain<IPayerGrain>(receipt.PayerId!).ForgetPendingCharge(MovementId);
        return expired;
    }

    private Posting PaymentDebit(MovementReceipt receipt, string payerId, string merchantName, bool confirmed)
        => new(MovementId, MovementKind.Payment, payerId, receipt.Amount, receipt.Currency, receipt.ToWalletId, $"{merchantName} {receipt.OrderId}", PayerAuthorised: confirmed);
}
