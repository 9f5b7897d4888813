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

    /// <summary>Plans the order and carries it out; <paramref name="released"/>: an operator released it from review (its PIN was checked when it was sent).</summary>
    protected abstract Task<TReceipt> Carry(TOrder order, bool released);

    /// <summary>What a movement is about to do: its receipt, the money's part of the transaction, a change to the receipt once it moved, and the order kept while it is held.</summary>
    protected sealed record Plan(TReceipt Receipt, Func<Task<Refusal?>> Move, Func<TReceipt, TReceipt>? Amend = null, TOrder? Held = null);

    /// <summary>The movement recorded as held: its money held in the sender's wallet, its order kept (without the PIN) for a release.</summary>
    protected Plan HeldPlan(TReceipt receipt, string customerId, TOrder order)
        => new((TReceipt)(receipt with { Status = MovementStatus.HeldForReview }),
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
            resolves: released ? MovementStatus.HeldForReview : null, whenRefused: released ? LetHoldGo(planned.Receipt.HeldWalletId) : null);
    }

    /// <summary>Writes the held order with an outcome that is held, and forgets it with any other.</summary>
    protected static Action<TRecord> Keep(TOrder? held) => r => r.Held = r.Receipt?.Status == MovementStatus.HeldForReview ? held : null;

    /// <summary>The payer's yes (see <see cref="MovementGrain{TReceipt, TRecord}.PayerSays"/>), checked while planning; an order released from review was checked when it was sent.</summary>
    protected async Task<Restriction> Authorise(string customerId, PaymentAuthorisation authorisation, string fingerprint, bool released,
        string kind, long amount, string currency, string payee)
        => released ? Restriction.None : await PayerSays(customerId, authorisation, fingerprint, kind, amount, currency, payee);

    public async Task<ReviewableOutcome> Release(string operatorId)
    {
        var (known, receipt, held) = await HeldRecord();
        _decision = new ReviewDecision(operatorId, null, Clock.GetUtcNow());
        TReceipt outcome;
        try
        {
            outcome = await Carry(held, released: true);
        }
        catch (WalletRefusedException refused) when (!TransactionRetry.IsFailure(refused))
        {
            // Refused while planning it again (the receiving wallet closed, the QR code expired): recorded as refused, the money let go.
            // A failure (the database down) is no answer: the movement stays held for the operator to release again.
            outcome = await Resolve(known, Refused(receipt, new Refusal(refused.Code, refused.Message, refused.Limit)), LetHoldGo(receipt.HeldWalletId),
                MovementStatus.HeldForReview, keep: Keep(null));
        }
        finally
        {
            _decision = null;
        }
        await Reviewed(known, outcome);
        return outcome;
    }

    public async Task<ReviewableOutcome> Reject(string operatorId, string? note)
    {
        var (known, receipt, _) = await HeldRecord();
        var rejected = new Refusal(RefusalCodes.RejectedInReview, "The bank's review did not let this movement go; the money stayed in your wallet.");
        _decision = new ReviewDecision(operatorId, note, Clock.GetUtcNow());
        TReceipt outcome;
        try
        {
            outcome = await Resolve(known, Refused(receipt, rejected), LetHoldGo(receipt.HeldWalletId), MovementStatus.HeldForReview, keep: Keep(null));
        }
        finally
        {
            _decision = null;
        }
        await Reviewed(known, outcome);
        return outcome;
    }

    protected override TReceipt Decided(TReceipt final, MovementStatus? resolves)
        => resolves == MovementStatus.HeldForReview ? (TReceipt)(final with { Review = _decision }) : final;

    /// <summary>After the commit (and on a replay): the customer's monitor lists the movement while it is held.</summary>
    protected override async Task AfterCommit(TReceipt outcome)
    {
        if (outcome.Status == MovementStatus.HeldForReview && Settled?.CallerId is { } customerId)
        {
            await GrainFactory.GetGrain<IRiskMonitorGrain>(customerId).NoteHeld(outcome);
        }
    }

    /// <summary>The record of a movement still held; anything else is not one an operator can decide on.</summary>
    private async Task<(TRecord Known, TReceipt Receipt, TOrder Order)> HeldRecord()
    {
        var known = await Known();
        return known is { Receipt: { Status: MovementStatus.HeldForReview } receipt, Held: { } order }
            ? (known, receipt, order)
            : known?.Receipt is null ? throw WalletRefusedException.NotFound("The movement")
            : throw new WalletRefusedException(RefusalCodes.NotPending, "This movement is not held for review.");
    }

    /// <summary>After the decision: the monitor no longer lists it; the customer's inbox says what became of it.</summary>
    private async Task Reviewed(TRecord known, TReceipt outcome)
    {
        if (outcome.Status == MovementStatus.HeldForReview || known.CallerId is not { } customerId)
        {
            return; // still held: a concurrent decision, or nothing recorded
        }
        await GrainFactory.GetGrain<IRiskMonitorGrain>(customerId).ForgetHeld(MovementId);
        var amount = Amounts.Format(outcome.SenderPays, outcome.SenderCurrency);
        var (title, body) = outcome.Status == MovementStatus.Completed
            ? ("Your payment was released", $"Our team reviewed your {Described} of {amount} and let it go.")
            : ("Your payment was not sent", $"Our team did not let your {Described} of {amount} go ({outcome.Refusal?.Detail}). The money is in your wallet.");
        await GrainFactory.GetGrain<INotificationInboxGrain>(customerId)
            .Post(new Notification($"ntf_{MovementId}_reviewed", "movement_reviewed", title, body, Clock.GetUtcNow(), MovementId));
    }

    /// <summary>How the customer's inbox names this kind of movement ("transfer", "payment", "withdrawal").</summary>
    protected abstract string Described { get; }
}
