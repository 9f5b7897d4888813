using Wallet.Customers;
using Wallet.Money;
using Wallet.Notifications;
using Wallet.Refusals;
using Wallet.Risk;

namespace Wallet.Movements;

/// <summary>
/// A movement a customer sends and risk control may hold for review: a transfer, a QR payment or a withdrawal.
/// Under the review restriction it is recorded as held, its money held in the payer's wallet (still theirs, not
/// spendable) and its order kept without the PIN. An operator releases it — planned again and carried out,
/// spending the held money — or rejects it, letting the money go. Either way the customer is told.
/// </summary>
public abstract class ReviewableMovementGrain<TReceipt, TOrder, TRecord>(ITransactionalState<TRecord> record, MovementServices services)
    : MovementGrain<TReceipt, TRecord>(record, services), IReviewableMovementGrain
    where TReceipt : ReviewableOutcome
    where TOrder : class
    where TRecord : ReviewableRecord<TReceipt, TOrder>, new()
{
    protected static readonly PaymentAuthorisation NoAuthorisation = new(null);

    /// <summary>The operator's decision this call carries out (the grain is not reentrant): recorded on the outcome that resolves the hold.</summary>
    private ReviewDecision? _decision;

    /// <summary>The held status this call resolves: an operator's review, or the family's approval of a sub-wallet's payment.</summary>
    private MovementStatus _resolving = MovementStatus.HeldForReview;

    /// <summary>The held status a release resolves (see <see cref="PlanThenCommit"/>): a workflow's own commit of a release names it.</summary>
    protected MovementStatus Resolving => _resolving;

    /// <summary>Plans the order and carries it out; <paramref name="released"/>: an operator released it from review (its PIN was checked when it was sent).</summary>
    protected abstract Task<TReceipt> Carry(TOrder order, bool released);

    /// <summary>What a movement is about to do: its receipt, the money's part of the transaction, a change to the receipt once it moved, and the order kept while it is held.</summary>
    protected sealed record Plan(TReceipt Receipt, Func<Task<Refusal?>> Move, Func<TReceipt, TReceipt>? Amend = null, TOrder? Held = null);

    /// <summary>
    /// The movement recorded as held — for the bank's review, or (<paramref name="held"/>) for a family's approval: its money
    /// held in the sender's wallet, its order kept (without the PIN) for a release.
    /// </summary>
    protected Plan HeldPlan(TReceipt receipt, string customerId, TOrder order, MovementStatus held = MovementStatus.HeldForReview)
        => new((TReceipt)(receipt with { Status = held }),
            () => Wallet(receipt.HeldWalletId).PlaceHold(MovementId, customerId, receipt.HeldAmount, forReview: true), Held: order);

    /// <summary>
    /// A new movement is the common case, so its record is read only inside the transaction that commits it
    /// (which finds an earlier outcome and returns it), not first in a read-only transaction of its own. When
    /// the order is refused while planning, the record decides whether this is the replay of a movement that
    /// already happened. A movement released from review resolves its held record instead.
    /// </summary>
    protected async Task<TReceipt> PlanThenCommit(string customerId, string fingerprint, bool released, Func<Task<Plan>> plan)
    {
        if (Settled is { Receipt: not null } known && !released)
        {
            return await Replayed(Settle(known, customerId, fingerprint));
        }
        Plan planned;
        try
        {
            planned = await plan();
        }
        catch (WalletRefusedException) when (!released)
        {
            if (await Recorded(customerId, fingerprint) is { } earlier)
            {
                return earlier;
            }
            throw;
        }
        return await Commit(customerId, fingerprint, planned.Receipt, planned.Move, amend: planned.Amend, keep: Keep(planned.Held),
            resolves: released ? _resolving : null, whenRefused: released ? LetHoldGo(planned.Receipt.HeldWalletId) : null);
    }

    /// <summary>Writes the held order with an outcome that is held, and forgets it with any other.</summary>
    protected static Action<TRecord> Keep(TOrder? held) => r => r.Held = r.Receipt?.Status is MovementStatus.HeldForReview or MovementStatus.AwaitingApproval ? held : null;

    /// <summary>The payer's yes (see <see cref="MovementGrain{TReceipt, TRecord}.PayerSays"/>), checked while planning; an order released from review was checked when it was sent.</summary>
    protected async Task<Restriction> Authorise(string customerId, PaymentAuthorisation authorisation, string fingerprint, bool released,
        string kind, long amount, string currency, string payee)
        => released ? Restriction.None : await PayerSays(customerId, authorisation, fingerprint, kind, amount, currency, payee);

    public Task<ReviewableOutcome> Release(string operatorId)
        => Let(MovementStatus.HeldForReview, new ReviewDecision(operatorId, null, Clock.GetUtcNow()));

    public Task<ReviewableOutcome> Reject(string operatorId, string? note)
        => LetGo(MovementStatus.HeldForReview, new ReviewDecision(operatorId, note, Clock.GetUtcNow()),
            new Refusal(RefusalCodes.RejectedInReview, "The bank's review did not let this movement go; the money stayed in your wallet."));

    public Task<ReviewableOutcome> AnswerApproval(ApprovalAnswer answer)
    {
        var decision = new ReviewDecision(answer.StewardId ?? "expired", null, Clock.GetUtcNow());
        return answer.Approve ? Let(MovementStatus.AwaitingApproval, decision)
            : LetGo(MovementStatus.AwaitingApproval, decision, answer.Expired
                ? new Refusal(RefusalCodes.ApprovalExpired, "Your family did not answer in time; the money stayed in the sub-wallet.")
                : new Refusal(RefusalCodes.DeclinedByFamily, "Your family did not approve this payment; the money stayed in the sub-wallet."));
    }

    /// <summary>A held movement let go: planned again and carried out, spending the money held for it.</summary>
    private async Task<ReviewableOutcome> Let(MovementStatus held, ReviewDecision decision)
    {
        var (known, receipt, order) = await HeldRecord(held);
        (_decision, _resolving) = (decision, held);
        TReceipt outcome;
        try
        {
            outcome = await Carry(order, released: true);
        }
        catch (WalletRefusedException refused) when (!TransactionRetry.IsFailure(refused))
        {
            // Refused while planning it again (the receiving wallet closed, the QR code expired): recorded as refused, the money let go.
            // A failure (the database down) is no answer: the movement stays held for the operator to release again.
            outcome = await Resolve(known, Refused(receipt, new Refusal(refused.Code, refused.Message, refused.Limit)), LetHoldGo(receipt.HeldWalletId),
                held, keep: Keep(null));
        }
        finally
        {
            (_decision, _resolving) = (null, MovementStatus.HeldForReview);
        }
        await Decided(known, outcome, held);
        return outcome;
    }

    /// <summary>A held movement refused: the money held for it is let go.</summary>
    private async Task<ReviewableOutcome> LetGo(MovementStatus held, ReviewDecision decision, Refusal refusal)
    {
        var (known, receipt, _) = await HeldRecord(held);
        _decision = decision;
        TReceipt outcome;
        try
        {
            outcome = await Resolve(known, Refused(receipt, refusal), LetHoldGo(receipt.HeldWalletId), held, keep: Keep(null));
        }
        finally
        {
            _decision = null;
        }
        await Decided(known, outcome, held);
        return outcome;
    }

    protected override TReceipt Decided(TReceipt final, MovementStatus? resolves)
        => resolves is MovementStatus.HeldForReview or MovementStatus.AwaitingApproval ? (TReceipt)(final with { Review = _decision }) : final;

    /// <summary>After the commit (and on a replay): the customer's monitor lists the movement while it is held; the family, a payment awaiting its approval.</summary>
    protected override async Task AfterCommit(TReceipt outcome)
    {
        if (outcome.Status == MovementStatus.HeldForReview && Settled?.CallerId is { } customerId)
        {
            await GrainFactory.GetGrain<IRiskMonitorGrain>(customerId).NoteHeld(outcome);
        }
        if (outcome.Status == MovementStatus.AwaitingApproval && (await Wallet(outcome.HeldWalletId).GetFacts())?.SubWalletId is { } subWalletId)
        {
            await GrainFactory.GetGrain<Families.ISubWalletApprovalsGrain>(subWalletId).Await(Families.SubWalletApprovals.Pending(outcome, MovementId, subWalletId));
        }
    }

    /// <summary>The record of a movement still <paramref name="held"/> so; anything else is not one this decision is about.</summary>
    private async Task<(TRecord Known, TReceipt Receipt, TOrder Order)> HeldRecord(MovementStatus held)
    {
        var known = await Known();
        return known is { Receipt: { } receipt, Held: { } order } && receipt.Status == held
            ? (known, receipt, order)
            : known?.Receipt is null ? throw WalletRefusedException.NotFound("The movement")
            : throw new WalletRefusedException(RefusalCodes.NotPending,
                held == MovementStatus.HeldForReview ? "This movement is not held for review." : "This payment is not awaiting approval.");
    }

    /// <summary>After the decision: the monitor no longer lists it; the customer's inbox says what became of it.</summary>
    private async Task Decided(TRecord known, TReceipt outcome, MovementStatus held)
    {
        if (outcome.Status == held || known.CallerId is not { } customerId)
        {
            return; // still held: a concurrent decision, or nothing recorded
        }
        var amount = Amounts.Format(outcome.SenderPays, outcome.SenderCurrency);
        if (held == MovementStatus.AwaitingApproval)
        {
            var (asked, answer) = outcome.Status == MovementStatus.Completed
                ? ("Your family approved your payment", $"Your {Described} of {amount} was approved and made.")
                : ("Your payment was not made", $"Your {Described} of {amount} was not made ({outcome.Refusal?.Detail}).");
            await GrainFactory.GetGrain<INotificationInboxGrain>(customerId)
                .Post(new Notification($"ntf_{MovementId}_approval", "payment_approval", asked, answer, Clock.GetUtcNow(), MovementId));
            return;
        }
        await GrainFactory.GetGrain<IRiskMonitorGrain>(customerId).ForgetHeld(MovementId);
        var (title, body) = outcome.Status == MovementStatus.Completed
            ? ("Your payment was released", $"Our team reviewed your {Described} of {amount} and let it go.")
            : ("Your payment was not sent", $"Our team did not let your {Described} of {amount} go ({outcome.Refusal?.Detail}). The money is in your wallet.");
        await GrainFactory.GetGrain<INotificationInboxGrain>(customerId)
            .Post(new Notification($"ntf_{MovementId}_reviewed", "movement_reviewed", title, body, Clock.GetUtcNow(), MovementId));
    }

    /// <summary>How the customer's inbox names this kind of movement ("transfer", "payment", "withdrawal").</summary>
    protected abstract string Described { get; }
}
