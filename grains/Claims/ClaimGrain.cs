using Wallet.Display;
using Wallet.Hosting;
using Wallet.Identity;
using Wallet.Money;
using Wallet.Movements;
using Wallet.Notifications;
using Wallet.Refusals;
using Wallet.Wallets;

namespace Wallet.Claims;

/// <summary>
/// One claim (<c>clm_…</c>). Not reentrant on purpose: concurrent decisions queue here, and all but the first find the
/// decision recorded. A decision that pays is written down (with the attempt's movement id) before the money moves, so a
/// crash between the two is finished by the next request with the same decision, under the same movement id: the
/// movement grain, keyed by that id, moves the money at most once.
/// </summary>
public sealed class ClaimGrain(
    [PersistentState("claim", StorageNames.Wallet)] IPersistentState<ClaimState> claim,
    [FromKeyedServices(WalletClock.Key)] TimeProvider clock)
    : Grain, IClaimGrain, IRemindable
{
    public const string NotificationKind = "claim";
    private const string ProvisionalReminder = "claim-provisional";

    private string ClaimId => this.GetPrimaryKeyString();

    private ClaimView? View => claim.State.Opening is null ? null : ViewOf(claim.State);

    public async Task<ClaimAnswer> Open(ClaimOpening opening)
    {
        if (claim.State.Opening is { } opened)
        {
            if (opened.CustomerId != opening.CustomerId)
            {
                throw WalletRefusedException.NotFound("The entry");
            }
            if (claim.State.Decision is null)
            {
                await Queue(opened, claim.State.OpenedAt); // a crash after the claim was written may have left it off the lists: each takes it once
            }
            return new ClaimAnswer(View!, Replayed: true);
        }
        var now = clock.GetUtcNow();
        await ClaimOpenings.Check(GrainFactory, opening, now);
        var entry = opening.Entry;
        var evidence = await ClaimEvidenceReader.Read(GrainFactory, opening, now);
        claim.State = new ClaimState
        {
            Opening = opening,
            OpenedAt = now,
            Evidence = evidence,
            MerchantId = entry.Kind == MovementKind.Payment && entry.Counterparty is { } merchant && merchant.StartsWith(IdPrefixes.Merchant + "_", StringComparison.Ordinal)
                ? merchant : null,
        };
        await claim.WriteStateAsync();
        await Queue(opening, now);
        await Notify("opened", "We received your claim",
            $"Your claim about {Amounts.Format(entry.Amount, entry.Currency)} on {entry.CreatedAt:yyyy-MM-dd} is with our team. We decide within {ClaimRules.DecideWithin.TotalDays:0} days.");
        return new ClaimAnswer(View!, Replayed: false);
    }

    /// <summary>On the customer's list and the operators' queue, with the provisional credit's reminder where it is due; each step is taken once however often it is asked.</summary>
    private async Task Queue(ClaimOpening opening, DateTimeOffset openedAt)
    {
        await GrainFactory.GetGrain<ICustomerClaimsGrain>(opening.CustomerId).Note(ClaimId);
        await GrainFactory.GetGrain<IClaimQueueGrain>(0).Enqueue(ClaimId, openedAt);
        if (claim.State.Provisional is null && ClaimRules.ProvisionalEligible(opening.Entry.Amount, opening.Entry.Currency, FundEligible(claim.State)))
        {
            await this.RegisterOrUpdateReminder(ProvisionalReminder, ClaimRules.ProvisionalAfter, TimeSpan.FromHours(1));
        }
    }

    public Task<ClaimView?> Find(string customerId) => Task.FromResult(claim.State.Opening?.CustomerId == customerId ? View : null);

    public Task<ClaimView?> Get() => Task.FromResult(View);

    public async Task<ClaimView> Answer(string customerId, string text)
    {
        if (claim.State.Opening?.CustomerId != customerId)
        {
            throw WalletRefusedException.NotFound("The claim");
        }
        claim.State.RequireUndecided();
        claim.State.RequireRoom();
        claim.State.Messages.Add(new ClaimMessage("customer", customerId, text, clock.GetUtcNow()));
        claim.State.AwaitingCustomer = false;
        await claim.WriteStateAsync();
        return View!;
    }

    public async Task<ClaimView> Assign(string operatorId)
    {
        claim.State.RequireOpened();
        claim.State.RequireAnotherOperator(operatorId);
        claim.State.RequireUndecided();
        if (claim.State.AssignedTo != operatorId)
        {
            claim.State.AssignedTo = operatorId;
            await claim.WriteStateAsync();
        }
        return View!;
    }

    public async Task<ClaimView> Ask(string operatorId, string text)
    {
        claim.State.RequireOpened();
        claim.State.RequireAnotherOperator(operatorId);
        claim.State.RequireUndecided();
        claim.State.RequireRoom();
        claim.State.Messages.Add(new ClaimMessage("operator", operatorId, text, clock.GetUtcNow()));
        claim.State.AwaitingCustomer = true;
        claim.State.AssignedTo ??= operatorId;
        await claim.WriteStateAsync();
        await Notify($"question-{claim.State.Messages.Count}", "A question about your claim", text);
        return View!;
    }

    public async Task<ClaimAnswer> Decide(string operatorId, ClaimDecisionRequest decision)
    {
        claim.State.RequireOpened();
        claim.State.RequireAnotherOperator(operatorId);
        var s = claim.State;
        if (s.Decision is { } decided)
        {
            if (!Same(decided, decision))
            {
                throw new WalletRefusedException(RefusalCodes.ClaimAlreadyDecided, $"This claim was decided already ({EnumNames.Of(decided.Outcome)}).");
            }
            await AfterDecision(decided); // again: if the silo stopped right after the decision was written, what follows it still happens (each once)
            return new ClaimAnswer(View!, Replayed: true);
        }
        if (s.Paying is { } paying && !Same(paying, decision))
        {
            throw new WalletRefusedException(RefusalCodes.ClaimAlreadyDecided, $"A decision on this claim ({EnumNames.Of(paying.Outcome)}) is being carried out.");
        }
        if (s.Paying is null && s.ProvisionalPaying is not null)
        {
            await PayProvisional(); // a provisional payment under way is finished first: the decision then knows whether it was paid
        }
        var amount = Validated(decision);
        if (s.Paying is null)
        {
            // Written down before the money moves: the same decision again (after a crash, or in doubt) pays under the same id.
            s.Attempts++;
            s.Paying = new ClaimDecision(decision.Outcome, decision.Reason, amount, PaymentIdFor(decision.Outcome, amount, s.Attempts), operatorId, clock.GetUtcNow());
            await claim.WriteStateAsync();
        }
        var intent = s.Paying!;
        Refusal? refusal;
        try
        {
            refusal = await Pay(intent);
        }
        catch (WalletRefusedException refused) when (!TransactionRetry.IsFailure(refused))
        {
            refusal = new Refusal(refused.Code, refused.Message, refused.Limit); // refused before anything moved (a wallet closed since, say)
        }
        if (refusal is not null)
        {
            s.Paying = null; // nothing moved: the claim stays open for another decision (a later attempt has a new id)
            await claim.WriteStateAsync();
            throw new WalletRefusedException(refusal.Code, refusal.Detail ?? RefusalText.For(refusal.Code));
        }
        await this.ForgetReminder(ProvisionalReminder);
        s.Decision = intent with
        {
            DecidedAt = clock.GetUtcNow(),
            MovementId = intent.MovementId ?? (intent.Outcome == ClaimOutcome.UpheldFund ? s.Provisional?.MovementId : null),
        };
        s.Paying = null;
        s.AwaitingCustomer = false;
        await claim.WriteStateAsync();
        await AfterDecision(s.Decision);
        return new ClaimAnswer(View!, Replayed: false);
    }

    /// <summary>The queue, the fund's register and the customer's inbox hear of the decision; each takes it once.</summary>
    private async Task AfterDecision(ClaimDecision decision)
    {
        var opening = claim.State.Opening!;
        await GrainFactory.GetGrain<IClaimQueueGrain>(0).Dequeue(ClaimId);
        var provisional = claim.State.Provisional;
        if (decision is { Outcome: ClaimOutcome.UpheldFund, MovementId: { } paid } && paid != provisional?.MovementId)
        {
            await Fund.NotePayment(new FundPayment(paid, ClaimId, opening.CustomerId, decision.Amount - (provisional?.Amount ?? 0), decision.DecidedAt));
        }
        if (decision.Outcome == ClaimOutcome.Rejected && provisional is { ReversalMovementId: { } reversed })
        {
            await Fund.NotePayment(new FundPayment(reversed, ClaimId, opening.CustomerId, -provisional.Amount, decision.DecidedAt));
        }
        var money = Amounts.Format(decision.Amount, opening.Entry.Currency);
        var (title, body) = decision.Outcome switch
        {
            ClaimOutcome.UpheldChargeback => ("Your claim was upheld", $"The merchant's payment was taken back: {money} is back in your wallet."),
            ClaimOutcome.UpheldFund => ("Your claim was upheld", $"The bank's security fund paid {money} into your wallet."),
            ClaimOutcome.Rejected => ("Your claim was not upheld", $"Our team looked at your claim and could not uphold it: {decision.Reason}" + provisional switch
            {
                { ReversalMovementId: not null } => $" The provisional credit of {Amounts.Format(provisional.Amount, opening.Entry.Currency)} was taken back from your wallet.",
                { ReversalRefusal: not null } => $" The provisional credit of {Amounts.Format(provisional.Amount, opening.Entry.Currency)} could not be taken back from your wallet; our team will contact you.",
                _ => "",
            }),
        };
        await Notify("decided", title, body);
    }

    private async Task<Refusal?> Pay(ClaimDecision intent)
    {
        var opening = claim.State.Opening!;
        switch (intent.Outcome)
        {
            case ClaimOutcome.UpheldChargeback:
                var payment = MovementIds.Refundable(GrainFactory, opening.Entry.MovementId) ?? throw NotChargeable();
                if (await payment.FindPayment(claim.State.MerchantId!) is not { } paid)
                {
                    return new Refusal(RefusalCodes.ClaimNotChargeable, "The payment is not a completed payment to this merchant: decide upheld_fund or rejected.");
                }
                var refund = await GrainFactory.GetGrain<IRefundGrain>(intent.MovementId!)
                    .Refund(new RefundOrder(claim.State.MerchantId!, $"chargeback {ClaimId}", opening.Entry.MovementId, paid.MerchantReceived, Chargeback: true));
                return refund.Status == MovementStatus.Completed ? null : refund.Refusal;
            case ClaimOutcome.UpheldFund:
                if (intent.MovementId is null)
                {
                    return null; // the provisional credit paid it all already
                }
                var compensation = await GrainFactory.GetGrain<IClaimPaymentGrain>(intent.MovementId)
                    .Pay(new ClaimPaymentOrder(ClaimId, opening.CustomerId, opening.WalletId, intent.Amount - (claim.State.Provisional?.Amount ?? 0), opening.Entry.Currency));
                return compensation.Status == MovementStatus.Completed ? null : compensation.Refusal;
            case ClaimOutcome.Rejected:
            default:
                if (intent.MovementId is not null && claim.State.Provisional is { } provisional)
                {
                    // Taken back only if the wallet holds it: a refusal does not stand in the way of the rejection, it is kept with it.
                    var reversal = await GrainFactory.GetGrain<IClaimPaymentGrain>(intent.MovementId)
                        .Reverse(new ClaimPaymentOrder(ClaimId, opening.CustomerId, opening.WalletId, provisional.Amount, opening.Entry.Currency));
                    claim.State.Provisional = reversal.Status == MovementStatus.Completed
                        ? provisional with { ReversalMovementId = reversal.MovementId }
                        : provisional with { ReversalRefusal = reversal.Refusal?.Code ?? RefusalCodes.InsufficientFunds };
                }
                return null;
        }
    }

    /// <summary>What the decision pays, or why it cannot be taken on this claim.</summary>
    private long Validated(ClaimDecisionRequest decision)
    {
        var s = claim.State;
        var opening = s.Opening!;
        switch (decision.Outcome)
        {
            case ClaimOutcome.UpheldChargeback:
                if (s.MerchantId is null || MovementIds.Refundable(GrainFactory, opening.Entry.MovementId) is null)
                {
                    throw NotChargeable();
                }
                if (s.Provisional is not null)
                {
                    throw new WalletRefusedException(RefusalCodes.ClaimNotChargeable,
                        "The security fund paid this claim provisional credit already: decide upheld_fund (the bank recovers from the merchant itself) or rejected.");
                }
                return opening.Entry.Amount;
            case ClaimOutcome.UpheldFund:
                if (!ClaimRules.FundEligible(opening.NoticedAt, s.OpenedAt, opening.PinShared))
                {
                    throw new WalletRefusedException(RefusalCodes.ClaimNotEligible,
                        $"The security fund pays only claims reported within {ClaimRules.ReportWithin.TotalDays:0} days of noticing, by a customer who did not share their PIN.");
                }
                var amount = decision.Amount ?? opening.Entry.Amount;
                var least = s.Provisional?.Amount ?? 1;
                return amount >= least && amount <= opening.Entry.Amount ? amount
                    : throw new WalletRefusedException(RefusalCodes.ValidationFailed,
                        $"amount is {least} to {opening.Entry.Amount} minor units: at most what the movement took{(s.Provisional is null ? "" : ", at least the provisional credit paid")}.");
            case ClaimOutcome.Rejected:
                return string.IsNullOrWhiteSpace(decision.Reason) ? throw new WalletRefusedException(RefusalCodes.ValidationFailed, "A rejection needs a reason.") : 0;
            default:
                throw new WalletRefusedException(RefusalCodes.ValidationFailed, "Unknown outcome.");
        }
    }

    private static WalletRefusedException NotChargeable()
        => new(RefusalCodes.ClaimNotChargeable, "Only a completed payment to a merchant can be charged back; decide upheld_fund or rejected.");

    /// <summary>The movement a decision's attempt runs under, made from the claim's id; null when it moves no money.</summary>
    private string? PaymentIdFor(ClaimOutcome outcome, long amount, int attempt) => outcome switch
    {
        ClaimOutcome.UpheldChargeback => Ids.ForIdempotencyKey(IdPrefixes.Refund, ClaimId, $"chargeback/{attempt}"),
        ClaimOutcome.UpheldFund => amount > (claim.State.Provisional?.Amount ?? 0) ? Ids.ForIdempotencyKey(IdPrefixes.ClaimPayment, ClaimId, $"fund/{attempt}") : null,
        ClaimOutcome.Rejected => claim.State.Provisional is not null ? Ids.ForIdempotencyKey(IdPrefixes.ClaimPayment, ClaimId, "reverse") : null,
        _ => null,
    };

    public Task ReceiveReminder(string reminderName, Orleans.Runtime.TickStatus status) => FollowUp();

    public async Task<ClaimView?> FollowUp()
    {
        var s = claim.State;
        if (s.Opening is not { } o)
        {
            return null;
        }
        if (s.Decision is not null || s.Provisional is not null || !ClaimRules.ProvisionalEligible(o.Entry.Amount, o.Entry.Currency, FundEligible(s)))
        {
            await this.ForgetReminder(ProvisionalReminder);
            return View;
        }
        if (s.Paying is null && clock.GetUtcNow() >= s.OpenedAt + ClaimRules.ProvisionalAfter)
        {
            await PayProvisional();
        }
        return View;
    }

    /// <summary>
    /// The fund pays the claim's amount as provisional credit, once: the payment's id is written down before the money moves,
    /// and one refused (the fund short) lets the next tick try under a new id.
    /// </summary>
    private async Task PayProvisional()
    {
        var s = claim.State;
        var o = s.Opening!;
        if (s.ProvisionalPaying is null)
        {
            s.ProvisionalAttempts++;
            s.ProvisionalPaying = Ids.ForIdempotencyKey(IdPrefixes.ClaimPayment, ClaimId, $"provisional/{s.ProvisionalAttempts}");
            await claim.WriteStateAsync();
        }
        var id = s.ProvisionalPaying;
        ClaimPaymentReceipt? paid = null;
        try
        {
            paid = await GrainFactory.GetGrain<IClaimPaymentGrain>(id).Pay(new ClaimPaymentOrder(ClaimId, o.CustomerId, o.WalletId, o.Entry.Amount, o.Entry.Currency));
        }
        catch (WalletRefusedException refused) when (!TransactionRetry.IsFailure(refused))
        {
            // refused before anything moved (the wallet closed since): no provisional credit now; the next tick asks again
        }
        s.ProvisionalPaying = null;
        if (paid is { Status: MovementStatus.Completed })
        {
            s.Provisional = new ClaimProvisional(o.Entry.Amount, id, clock.GetUtcNow());
        }
        await claim.WriteStateAsync();
        if (s.Provisional is not null)
        {
            await Fund.NotePayment(new FundPayment(id, ClaimId, o.CustomerId, o.Entry.Amount, s.Provisional.PaidAt));
            await Notify("provisional", "Provisional credit for your claim",
                $"While we look into your claim, the bank's security fund paid {Amounts.Format(o.Entry.Amount, o.Entry.Currency)} into your wallet. If the claim is not upheld, it is taken back from the wallet.");
            await this.ForgetReminder(ProvisionalReminder);
        }
    }

    private ISecurityFundGrain Fund => GrainFactory.GetGrain<ISecurityFundGrain>(claim.State.Opening!.Entry.Currency);

    private static bool FundEligible(ClaimState s) => ClaimRules.FundEligible(s.Opening!.NoticedAt, s.OpenedAt, s.Opening.PinShared);

    /// <summary>The same decision: its outcome, and what it pays or says (an amount left out is the whole claim).</summary>
    private bool Same(ClaimDecision recorded, ClaimDecisionRequest asked)
        => recorded.Outcome == asked.Outcome && asked.Outcome switch
        {
            ClaimOutcome.UpheldFund => (asked.Amount ?? claim.State.Opening!.Entry.Amount) == recorded.Amount,
            ClaimOutcome.Rejected => asked.Reason == recorded.Reason,
            _ => true,
        };

    private Task Notify(string what, string title, string body)
        => GrainFactory.GetGrain<INotificationInboxGrain>(claim.State.Opening!.CustomerId)
            .Post(new Notification(Ids.ForIdempotencyKey(IdPrefixes.Notification, ClaimId, what), NotificationKind, title, body, clock.GetUtcNow(), ClaimId));

    private ClaimView ViewOf(ClaimState s)
    {
        var o = s.Opening!;
        var status = s.Decision is not null ? ClaimStatus.Decided : s.AwaitingCustomer ? ClaimStatus.AwaitingCustomer : ClaimStatus.Open;
        return new ClaimView(ClaimId, o.CustomerId, o.WalletId, o.EntryId, o.Entry.MovementId, o.Entry.Kind, o.Entry.Amount, o.Entry.Currency, o.Entry.CreatedAt,
            s.MerchantId, o.WhatHappened, o.NoticedAt, o.PinShared, s.OpenedAt, s.OpenedAt + ClaimRules.DecideWithin, status, s.AssignedTo, [.. s.Messages], s.Decision,
            s.Evidence!, FundEligible(s), s.MerchantId is not null && s.Provisional is null && MovementIds.Refundable(GrainFactory, o.Entry.MovementId) is not null, s.Provisional);
    }
}
