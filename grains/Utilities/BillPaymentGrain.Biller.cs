using Wallet.Hosting;
using Wallet.Money;
using Wallet.Movements;
using Wallet.Notifications;
using Wallet.Refusals;

namespace Wallet.Utilities;

/// <summary>
/// The payment's conversation with the biller, after the money moved. The biller is offered the payment at once
/// and given <see cref="UtilityOptions.AnswerWithin"/> to answer; then a reminder asks again until the biller's
/// confirmation time runs out. Refused, or never confirmed, the money goes back exactly once: the refund is a
/// movement of its own whose id is this payment's, and its transaction marks this payment refunded only while it
/// is still pending. A biller that confirms after that opens a case for the operators; nothing is debited again.
/// </summary>
public sealed partial class BillPaymentGrain
{
    private const string FollowUpReminder = "biller-follow-up";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Biller {BillerId} confirmed bill payment {PaymentId} after it was refunded: a case for the operators")]
    private static partial void LogConfirmedAfterRefund(ILogger logger, string billerId, string paymentId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bill payment {PaymentId} could not be offered to biller {BillerId}; its follow-up asks again")]
    private static partial void LogOfferFailed(ILogger logger, string paymentId, string billerId, Exception exception);

    /// <summary>After the commit (and on a replay): a payment whose money moved is offered to the biller while it is pending.</summary>
    protected override async Task AfterCommit(BillPaymentReceipt outcome)
    {
        await base.AfterCommit(outcome);
        // Just committed, the record this activation wrote holds the leg: no read of it again.
        if (outcome.Status != MovementStatus.Completed || (_leg ?? Settled?.Leg ?? (await ReadRecord())?.Leg) is not { Status: BillerStatus.Pending } leg)
        {
            return;
        }
        // First, so a silo that stops while the biller is asked still has the payment followed up.
        await this.RegisterOrUpdateReminder(FollowUpReminder, options.Value.FollowUpEvery, options.Value.FollowUpEvery);
        var biller = await Biller(outcome);
        BillerAnswer answer;
        using (var wait = new CancellationTokenSource(options.Value.AnswerWithin))
        {
            try
            {
                answer = await billers.Pay(biller, outcome.AccountNumber, outcome.Amount, outcome.BillRef, MovementId, Clock.GetUtcNow(), wait.Token);
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                LogOfferFailed(Logger, MovementId, outcome.BillerId, exception);
                answer = BillerAnswer.Silent;
            }
        }
        if ((await Apply(outcome, leg, answer)).BillerStatus == BillerStatus.Pending)
        {
            await Told(outcome, leg); // the payee's list shows it pending; a final answer was noted by Apply
        }
    }

    public async Task<BillPaymentView?> FollowUp()
    {
        if (await ReadRecord() is not { Receipt: { Status: MovementStatus.Completed } receipt, Leg: { } leg })
        {
            await ForgetFollowUp();
            return null;
        }
        var now = Clock.GetUtcNow();
        var asking = leg.Status == BillerStatus.Pending || (leg.Status == BillerStatus.Refunded && now < leg.SentAt + options.Value.ReconcileWithin);
        if (!asking)
        {
            await ForgetFollowUp();
            return new(receipt, leg);
        }
        var answer = await billers.Status(await Biller(receipt), receipt.AccountNumber, MovementId, leg.SentAt, now);
        return await Apply(receipt, leg, answer);
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status) => await FollowUp();

    public Task<Refusal?> MarkRefunded(string refundId, BillRefundOrder order) => Record.PerformUpdate(r =>
    {
        _leg = null; // written by the refund's transaction, which may yet abort: read afresh next time
        if (r.Leg is not { Status: BillerStatus.Pending } leg || r.Receipt is not { } paid)
        {
            return new Refusal(RefusalCodes.NotPending, "The payment is no longer pending with the biller.");
        }
        if ((paid.WalletId, paid.BillerId, paid.Amount, paid.Currency, paid.BillRef) != (order.WalletId, order.BillerId, order.Amount, order.Currency, order.BillRef))
        {
            throw new InvalidOperationException($"Refund {refundId} does not match bill payment {MovementId}.");
        }
        r.Leg = leg with { Status = BillerStatus.Refunded, RefundId = refundId, Reason = order.Reason, SettledAt = Clock.GetUtcNow() };
        return (Refusal?)null;
    });

    /// <summary>Acts on what the biller said: paid, refunded (refused, or out of time), or still pending.</summary>
    private async Task<BillPaymentView> Apply(BillPaymentReceipt receipt, BillerLeg leg, BillerAnswer answer)
    {
        var now = Clock.GetUtcNow();
        var after = (leg.Status, answer.Outcome) switch
        {
            (BillerStatus.Pending, BillerOutcome.Accepted) => await Confirm(leg, answer.Reference, now),
            (BillerStatus.Pending, BillerOutcome.Refused) => await GiveBack(receipt, answer.Reason ?? "The biller refused the payment."),
            (BillerStatus.Pending, BillerOutcome.Unknown) when now >= leg.ConfirmBy => await GiveBack(receipt, "The biller did not confirm the payment in time."),
            (BillerStatus.Refunded, BillerOutcome.Accepted) => await Confirm(leg, answer.Reference, now),
            _ => leg,
        };
        if (after.Status != leg.Status)
        {
            await Told(receipt, after);
        }
        if (after.Status is BillerStatus.Paid or BillerStatus.ConfirmedAfterRefund)
        {
            await ForgetFollowUp();
        }
        _leg = after;
        return new(receipt, after);
    }

    /// <summary>The biller's confirmation, recorded once: paid while pending; after a refund, a case for the operators.</summary>
    private Task<BillerLeg> Confirm(BillerLeg seen, string? reference, DateTimeOffset now) => TransactionRetry.Run(Logger, MovementId, async () =>
    {
        BillerLeg? after = null;
        await Transactions.RunTransaction(TransactionOption.Create, async () => after = await Record.PerformUpdate(r =>
        {
            var leg = r.Leg ?? seen;
            r.Leg = leg.Status switch
            {
                BillerStatus.Pending => leg with { Status = BillerStatus.Paid, Reference = reference, SettledAt = now },
                BillerStatus.Refunded => leg with { Status = BillerStatus.ConfirmedAfterRefund, Reference = reference, SettledAt = now },
                _ => leg,
            };
            return r.Leg;
        }));
        return after!;
    });

    /// <summary>The money back to the wallet: the refund movement, whose id is this payment's, runs at most once.</summary>
    private async Task<BillerLeg> GiveBack(BillPaymentReceipt receipt, string reason)
    {
        var customerId = Settled?.CallerId ?? (await ReadRecord())?.CallerId ?? throw new InvalidOperationException($"Bill payment {MovementId} has no payer.");
        var refundId = MovementIds.For(Workflow.BillRefund, customerId, MovementId);
        await GrainFactory.GetGrain<IBillRefundGrain>(refundId)
            .Refund(new BillRefundOrder(customerId, MovementId, receipt.WalletId, receipt.BillerId, receipt.Amount, receipt.Currency, reason, receipt.AccountNumber, receipt.BillRef));
        return (await ReadRecord())?.Leg ?? throw new InvalidOperationException($"Bill payment {MovementId} lost its biller's part.");
    }

    /// <summary>The payee's list and the customer's inbox say what became of the payment; operators get a late confirmation.</summary>
    private async Task Told(BillPaymentReceipt receipt, BillerLeg leg)
    {
        var customerId = (Settled ?? await ReadRecord())?.CallerId;
        if (customerId is null)
        {
            return;
        }
        await GrainFactory.GetGrain<IBillPayeesGrain>(customerId).NotePayment(receipt.PayeeId,
            new BillPaymentNote(MovementId, receipt.BillRef, receipt.Amount, receipt.Currency, leg.Status, receipt.CreatedAt, receipt.ByMandate));
        var amount = Amounts.Format(receipt.Amount, receipt.Currency);
        var (kind, title, body) = leg.Status switch
        {
            BillerStatus.Paid => ("bill_paid", "Bill paid", $"{amount} reached the biller (reference {leg.Reference})."),
            BillerStatus.Refunded => ("bill_refunded", "Bill payment refunded", $"The biller did not take your payment of {amount}: {leg.Reason ?? "it was not confirmed"}. The money is back in your wallet."),
            _ => (null, null, null),
        };
        if (kind is not null)
        {
            await GrainFactory.GetGrain<INotificationInboxGrain>(customerId).Post(new Notification($"ntf_{MovementId}_{kind}", kind, title!, body!, Clock.GetUtcNow(), MovementId));
        }
        if (leg.Status == BillerStatus.ConfirmedAfterRefund)
        {
            LogConfirmedAfterRefund(Logger, receipt.BillerId, MovementId);
            await GrainFactory.GetGrain<IBillerCasesGrain>(0).Open(new LateConfirmation(MovementId, customerId, receipt.BillerId, receipt.AccountNumber,
                receipt.Amount, receipt.Currency, leg.Reference, leg.RefundId, leg.SettledAt ?? Clock.GetUtcNow()));
        }
    }

    private async Task<BillerProfile> Biller(BillPaymentReceipt receipt)
        => await GrainFactory.GetGrain<IBillerGrain>(receipt.BillerId).GetProfile() ?? throw WalletRefusedException.NotFound("The biller");

    private Task ForgetFollowUp() => this.ForgetReminder(FollowUpReminder);
}
