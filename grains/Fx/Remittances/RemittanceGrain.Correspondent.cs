using Wallet.Hosting;
using Wallet.Money;
using Wallet.Movements;
using Wallet.Notifications;
using Wallet.Refusals;

namespace Wallet.Fx;

/// <summary>
/// The remittance's conversation with the correspondent bank, after the money moved. It is handed over at once
/// and given <see cref="FxOptions.CorrespondentAnswerWithin"/> to answer; then a reminder asks again until the
/// beneficiary's bank has credited it or sent it back (handed over again while the correspondent has not taken it).
/// Sent back (or never taken within <see cref="FxOptions.RemittanceSendWithin"/> and recalled, the correspondent
/// confirming it), the money goes back exactly once: the return is a movement of its own whose id is made from this
/// remittance's, and its transaction marks this remittance returned only while it is still under way.
/// </summary>
public sealed partial class RemittanceGrain
{
    private const string FollowUpReminder = "correspondent-follow-up";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Remittance {RemittanceId} could not be handed to the correspondent; its follow-up asks again")]
    private static partial void LogSendFailed(ILogger logger, string remittanceId, Exception exception);

    /// <summary>After the commit (and on a replay): a remittance whose money moved is handed over while the correspondent has not taken it.</summary>
    protected override async Task AfterCommit(RemittanceReceipt outcome)
    {
        await base.AfterCommit(outcome);
        // The leg as it stands (a replay after a return must not hand the remittance over again), not as first committed.
        if (outcome.Status != MovementStatus.Completed || (_leg ?? (await ReadRecord())?.Leg) is not { Status: RemittanceStatus.Accepted } leg)
        {
            return;
        }
        // First, so a silo that stops while the correspondent is asked still has the remittance followed up.
        await this.RegisterOrUpdateReminder(FollowUpReminder, options.Value.RemittanceFollowUpEvery, options.Value.RemittanceFollowUpEvery);
        await Apply(outcome, leg, await HandOver(outcome));
    }

    /// <summary>Hands the remittance to the correspondent (again: its id is the correspondent's idempotency key), waiting a bounded time for its answer.</summary>
    private async Task<CorrespondentAnswer> HandOver(RemittanceReceipt receipt)
    {
        using var wait = new CancellationTokenSource(options.Value.CorrespondentAnswerWithin);
        try
        {
            return await correspondent.Send(MovementId, receipt.Beneficiary, receipt.Amount, receipt.Currency, Clock.GetUtcNow(), wait.Token);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            LogSendFailed(Logger, MovementId, exception);
            return CorrespondentAnswer.Silent;
        }
    }

    public async Task<RemittanceView?> FollowUp()
    {
        if (await ReadRecord() is not { Receipt: { Status: MovementStatus.Completed } receipt, Leg: { } leg })
        {
            await ForgetFollowUp();
            return null;
        }
        _leg = leg;
        if (leg.Status is RemittanceStatus.Credited or RemittanceStatus.Returned)
        {
            await ForgetFollowUp();
            return await View(receipt);
        }
        // Not taken yet: handed over again (the first hand-over may never have arrived); taken: asked where it is.
        var answer = leg.Status == RemittanceStatus.Accepted
            ? await HandOver(receipt)
            : await correspondent.Status(MovementId, receipt.Beneficiary, leg.AcceptedAt, Clock.GetUtcNow());
        return await Apply(receipt, leg, answer);
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status) => await FollowUp();

    public Task<Refusal?> MarkReturned(string returnId, RemittanceReturnOrder order) => Record.PerformUpdate(r =>
    {
        _leg = null; // written by the return's transaction, which may yet abort: read afresh next time
        if (r.Leg is not { Status: RemittanceStatus.Accepted or RemittanceStatus.Sent } leg || r.Receipt is not { } sent)
        {
            return new Refusal(RefusalCodes.NotPending, "The remittance is no longer under way.");
        }
        if ((sent.WalletId, sent.Amount, sent.Currency, sent.Principal) != (order.WalletId, order.Amount, order.Currency, order.Principal))
        {
            throw new InvalidOperationException($"Return {returnId} does not match remittance {MovementId}.");
        }
        r.Leg = leg with { Status = RemittanceStatus.Returned, ReturnId = returnId, Reason = order.Reason, SettledAt = Clock.GetUtcNow() };
        return (Refusal?)null;
    });

    /// <summary>Acts on what the correspondent said: sent, credited, returned (or not taken in time), or nothing new.</summary>
    private async Task<RemittanceView> Apply(RemittanceReceipt receipt, CorrespondentLeg leg, CorrespondentAnswer answer)
    {
        var now = Clock.GetUtcNow();
        var under = leg.Status is RemittanceStatus.Accepted or RemittanceStatus.Sent;
        var after = (under, answer.Outcome) switch
        {
            (true, CorrespondentOutcome.Sent) when leg.Status == RemittanceStatus.Accepted => await Advance(leg, RemittanceStatus.Sent, answer.Reference, now),
            (true, CorrespondentOutcome.Credited) => await Advance(leg, RemittanceStatus.Credited, answer.Reference, now),
            (true, CorrespondentOutcome.Returned) => await GiveBack(receipt, answer.Reason ?? "The beneficiary's bank sent the remittance back."),
            (true, CorrespondentOutcome.Unknown) when leg.Status == RemittanceStatus.Accepted && now >= leg.AcceptedAt + options.Value.RemittanceSendWithin
                && await Recalled(receipt, now) => await GiveBack(receipt, "The correspondent bank did not take the remittance in time."),
            _ => leg,
        };
        if (after.Status != leg.Status)
        {
            await Told(receipt, after);
        }
        if (after.Status is RemittanceStatus.Credited or RemittanceStatus.Returned)
        {
            await ForgetFollowUp();
        }
        _leg = after;
        return await View(receipt);
    }

    /// <summary>
    /// A remittance the correspondent never acknowledged is given back only once it confirms the recall: a hand-over
    /// that timed out may still have reached it, and refunding then would pay twice (the customer and the beneficiary).
    /// Unconfirmed, it stays under way and is followed up (and handed over) again; the operators see the warning.
    /// </summary>
    private async Task<bool> Recalled(RemittanceReceipt receipt, DateTimeOffset now)
    {
        try
        {
            if (await correspondent.Recall(MovementId, receipt.Beneficiary, now))
            {
                return true;
            }
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            LogSendFailed(Logger, MovementId, exception);
        }
        LogNotRecalled(Logger, MovementId);
        return false;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Remittance {RemittanceId} came back but its wallet refused the money ({Code}): it stays in the correspondent's clearing account, for the operators")]
    private static partial void LogReturnRefused(ILogger logger, string remittanceId, string code);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Remittance {RemittanceId} was not taken in time and its recall is not confirmed: it stays under way, for the operators")]
    private static partial void LogNotRecalled(ILogger logger, string remittanceId);

    /// <summary>The correspondent's news, recorded once and only forward: a remittance returned meanwhile stays returned.</summary>
    private Task<CorrespondentLeg> Advance(CorrespondentLeg seen, RemittanceStatus to, string? reference, DateTimeOffset now) => TransactionRetry.Run(Logger, MovementId, async () =>
    {
        CorrespondentLeg? after = null;
        await Transactions.RunTransaction(TransactionOption.Create, async () => after = await Record.PerformUpdate(r =>
        {
            var leg = r.Leg ?? seen;
            r.Leg = (leg.Status, to) switch
            {
                (RemittanceStatus.Accepted, RemittanceStatus.Sent) => leg with { Status = to, Reference = reference ?? leg.Reference, SentAt = now },
                (RemittanceStatus.Accepted or RemittanceStatus.Sent, RemittanceStatus.Credited)
                    => leg with { Status = to, Reference = reference ?? leg.Reference, SentAt = leg.SentAt ?? now, SettledAt = now },
                _ => leg,
            };
            return r.Leg;
        }));
        return after!;
    });

    /// <summary>The money back to the wallet: the return movement, whose id is made from this remittance's, runs at most once.</summary>
    private async Task<CorrespondentLeg> GiveBack(RemittanceReceipt receipt, string reason)
    {
        var customerId = (Settled ?? await ReadRecord())?.CallerId ?? throw new InvalidOperationException($"Remittance {MovementId} has no sender.");
        var returnId = MovementIds.For(Workflow.RemittanceReturn, customerId, MovementId);
        var returned = await GrainFactory.GetGrain<IRemittanceReturnGrain>(returnId).Return(new RemittanceReturnOrder(customerId, MovementId, receipt.WalletId,
            receipt.Amount, receipt.Currency, receipt.SenderCurrency, receipt.Principal, reason));
        if (returned.Status == MovementStatus.Refused && returned.Refusal?.Code != RefusalCodes.NotPending)
        {
            // The wallet refused the money back (closed, frozen, over its cap): it stays in the correspondent's account, for the operators.
            LogReturnRefused(Logger, MovementId, returned.Refusal?.Code ?? "refused");
        }
        return (await ReadRecord())?.Leg ?? throw new InvalidOperationException($"Remittance {MovementId} lost its correspondent's part.");
    }

    /// <summary>The customer's inbox says what became of the remittance.</summary>
    private async Task Told(RemittanceReceipt receipt, CorrespondentLeg leg)
    {
        if ((Settled ?? await ReadRecord())?.CallerId is not { } customerId)
        {
            return;
        }
        var amount = Amounts.Format(receipt.Amount, receipt.Currency);
        var (kind, title, body) = leg.Status switch
        {
            RemittanceStatus.Sent => ("remittance_sent", "Remittance sent", $"{amount} to {receipt.Beneficiary.Name} is on its way (reference {leg.Reference})."),
            RemittanceStatus.Credited => ("remittance_credited", "Remittance arrived", $"{amount} reached {receipt.Beneficiary.Name}'s account {receipt.Beneficiary.MaskedAccount}."),
            RemittanceStatus.Returned => ("remittance_returned", "Remittance returned",
                $"{amount} to {receipt.Beneficiary.Name} came back: {leg.Reason}. The money is back in your wallet at the day's rate; the fee is kept."),
            _ => (null, null, null),
        };
        if (kind is not null)
        {
            await GrainFactory.GetGrain<INotificationInboxGrain>(customerId).Post(new Notification($"ntf_{MovementId}_{kind}", kind, title!, body!, Clock.GetUtcNow(), MovementId));
        }
    }

    private Task ForgetFollowUp() => this.ForgetReminder(FollowUpReminder);
}
