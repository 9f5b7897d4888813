using Orleans.Transactions;
using Wallet.Customers;
using Wallet.Devices;
using Wallet.Ledger;
using Wallet.Money;
using Wallet.Refusals;
using Wallet.Risk;
using Wallet.Wallets;

namespace Wallet.Movements;

/// <summary>
/// The shared core of every movement workflow: the record of the outcome written in the same transaction
/// as the money, the fingerprint check on a replay, the bounded retry, and the events published after the
/// commit. A workflow says what its movement plans and moves; this says how it is committed exactly once.
/// Not reentrant on purpose: concurrent requests under one key queue here, and all but the first find the
/// recorded outcome.
/// </summary>
public abstract partial class MovementGrain<TReceipt, TRecord>(ITransactionalState<TRecord> record, MovementServices services)
    : Grain, IMovementGrain
    where TReceipt : MovementOutcome
    where TRecord : MovementRecord<TReceipt>, new()
{
    /// <summary>The record once read or written by this activation: only this grain writes it (refund totals aside, read afresh).</summary>
    private TRecord? _settled;

    protected string MovementId => this.GetPrimaryKeyString();

    protected ITransactionalState<TRecord> Record => record;

    protected TimeProvider Clock => services.Clock;

    /// <summary>For a workflow's own transactions that move no money (a biller's confirmation noted on the record).</summary>
    protected ITransactionClient Transactions => services.Transactions;

    /// <summary>The record this activation last read or wrote, if any.</summary>
    protected TRecord? Settled => _settled;

    protected ILogger Logger => services.Logger;

    /// <summary>The recorded movement, or null when nothing is recorded yet.</summary>
    protected async Task<TRecord?> Known() => _settled ?? await ReadRecord();

    /// <summary>The recorded outcome if <paramref name="callerId"/> asked for this movement; otherwise null.</summary>
    protected async Task<TReceipt?> RecordedFor(string callerId) => await Known() is { Receipt: { } receipt } known && known.CallerId == callerId ? receipt : null;

    /// <summary>The outcome already recorded under this key (answered as a replay), or null if the movement has not happened.</summary>
    protected async Task<TReceipt?> Recorded(string callerId, string fingerprint)
    {
        var known = await Known();
        return known?.Receipt is null ? null : await Replayed(Settle(known, callerId, fingerprint));
    }

    /// <summary>
    /// A replay does after the commit again what the first answer did (an announcement to the merchant, a
    /// held movement noted with the monitor): if the silo stopped between a commit and those, the caller,
    /// who heard nothing, replays and they still happen. Each is recognised when it already did.
    /// </summary>
    protected async Task<TReceipt> Replayed(TReceipt earlier)
    {
        await AfterCommit(earlier);
        return (TReceipt)(earlier with { Replayed = true });
    }

    /// <summary>The recorded receipt for the caller that made it with this very request; another caller does not learn it exists.</summary>
    protected TReceipt Settle(TRecord known, string callerId, string fingerprint)
    {
        _settled = known;
        if (known.CallerId != callerId || known.Receipt is not { } receipt)
        {
            throw WalletRefusedException.NotFound("The movement");
        }
        return known.Fingerprint == fingerprint
            ? receipt
            : throw new WalletRefusedException(RefusalCodes.IdempotencyKeyReused, "This idempotency key was used with a different request.");
    }

    /// <summary>
    /// Plans a new movement, then commits it. A new movement is the common case, so the record is read only inside the
    /// committing transaction; when the order is refused while planning (a quote used since, a sub-wallet ended since), the
    /// record decides whether this is the replay of a movement that already happened, which answers as it did.
    /// </summary>
    protected async Task<TReceipt> CommitAsPlanned<TPlan>(string callerId, string fingerprint, Func<Task<TPlan>> plan, Func<TPlan, Task<TReceipt>> commit)
    {
        if (Settled is { Receipt: not null } known)
        {
            return await Replayed(Settle(known, callerId, fingerprint));
        }
        TPlan planned;
        try
        {
            planned = await plan();
        }
        catch (WalletRefusedException)
        {
            if (await Recorded(callerId, fingerprint) is { } earlier)
            {
                return earlier;
            }
            throw;
        }
        return await commit(planned);
    }

    /// <summary>The record as committed, read in a transaction of its own; refunds counted by other movements are seen this way.</summary>
    protected Task<TRecord?> ReadRecord() => TransactionRetry.Run(Logger, MovementId, async () =>
    {
        TRecord? known = null;
        await services.Transactions.RunTransaction(TransactionOption.Create, async () =>
            known = await record.PerformRead(r => r.Receipt is null ? null : r));
        return known;
    });

    /// <summary>
    /// One grain transaction: check the record, move the money (or learn why not), write the record.
    /// <paramref name="resolves"/>: the waiting state this commit ends (pending, authorised, held), so a record
    /// in that state is not an earlier outcome. A refusal from the receiving side aborts the money and is then
    /// recorded on its own, with what must still happen when the movement is refused (<paramref name="whenRefused"/>).
    /// </summary>
    protected async Task<TReceipt> Commit(string callerId, string fingerprint, TReceipt receipt, Func<Task<Refusal?>> move,
        MovementStatus? resolves = null, Func<Task<Refusal?>>? whenRefused = null, Func<TReceipt, TReceipt>? amend = null, Action<TRecord>? keep = null)
    {
        // In memory: written down before anything can commit, so a crash after the commit still publishes; the
        // write overlaps the transaction's start and is awaited inside it, before the transaction can commit.
        // On PostgreSQL the events are committed with the record instead.
        var expected = services.EventsCommitWithRecord ? Task.CompletedTask : Outbox.Expect(MovementId);
        var wrote = false; // this commit recorded the outcome (a queued or replayed request finds it instead)
        try
        {
            var settled = await TransactionRetry.Run(Logger, MovementId, async () =>
            {
                TRecord? outcome = null;
                expected = expected.IsFaulted ? Outbox.Expect(MovementId) : expected; // a failed write is tried again with the transaction
                await services.Transactions.RunTransaction(TransactionOption.Create, async () =>
                {
                    await expected;
                    // Already settled: a new movement finds any receipt; one that resolves a waiting state, any other state.
                    outcome = await record.PerformUpdate(r => r.Receipt is null || (resolves is not null && r.Receipt.Status == resolves) ? null : r);
                    wrote = outcome is null;
                    if (outcome is not null)
                    {
                        return;
                    }
                    var final = Decided(await move() is { } refusal ? Refused(receipt, refusal) : amend?.Invoke(receipt) ?? receipt, resolves);
                    var events = services.EventsCommitWithRecord ? await EventsOf(final) : [];
                    outcome = await record.PerformUpdate(r =>
                    {
                        r.CallerId = callerId;
                        r.Fingerprint = fingerprint;
                        r.Receipt = final;
                        r.Events = events;
                        keep?.Invoke(r);
                        return r;
                    });
                });
                return outcome!;
            });
            var final = Settle(settled, callerId, fingerprint);
            if (wrote)
            {
                Telemetry.WalletMetrics.MovementRecorded(final);
            }
            await Publish(final);
            await AfterCommit(final);
            return final;
        }
        catch (OrleansTransactionAbortedException aborted) when (aborted.InnerException is WalletRefusedException refused && !TransactionRetry.IsFailure(refused))
        {
            return await Commit(callerId, fingerprint, Refused(receipt, new(refused.Code, refused.Message, refused.Limit)), whenRefused ?? Nothing, resolves, keep: keep);
        }
        catch (Exception exception) when (TransactionRetry.IsRetryable(exception))
        {
            Telemetry.WalletMetrics.MovementInDoubt(receipt.Kind);
            throw new WalletRefusedException(RefusalCodes.MovementInDoubt,
                "The movement could not be confirmed in time. Replay it with the same idempotency key to learn its outcome.");
        }
    }

    /// <summary>Commits a later step of a recorded movement (a capture, a confirmation, a release, an expiry) under the request that made it.</summary>
    protected Task<TReceipt> Resolve(TRecord known, TReceipt receipt, Func<Task<Refusal?>> move, MovementStatus resolves,
        Func<Task<Refusal?>>? whenRefused = null, Func<TReceipt, TReceipt>? amend = null, Action<TRecord>? keep = null)
        => Commit(known.CallerId ?? throw Unrecorded(), known.Fingerprint ?? throw Unrecorded(), receipt, move, resolves, whenRefused, amend, keep);

    private InvalidOperationException Unrecorded() => new($"Movement {MovementId} has no recorded request to resolve.");

    /// <summary>What the workflow adds to an outcome as it is recorded (an operator's decision on one it resolves).</summary>
    protected virtual TReceipt Decided(TReceipt final, MovementStatus? resolves) => final;

    /// <summary>What the workflow does after a commit, and again on each replay: tell the merchant, note a held movement.</summary>
    protected virtual Task AfterCommit(TReceipt outcome) => Task.CompletedTask;

    /// <summary>A receipt's common fields, set for this movement now.</summary>
    protected T Accepted<T>(T receipt, string currency, MovementStatus status = MovementStatus.Completed) where T : TReceipt
        => (T)(receipt with { MovementId = MovementId, Status = status, Currency = currency, CreatedAt = Clock.GetUtcNow() });

    protected static TReceipt Refused(TReceipt receipt, Refusal refusal)
        => (TReceipt)(receipt with { Status = MovementStatus.Refused, Refusal = refusal with { Detail = refusal.Detail ?? RefusalText.For(refusal.Code) } });

    protected static Task<Refusal?> Nothing() => Task.FromResult<Refusal?>(null);

    protected static void RequireMovableAmount(long amount, string? currency)
    {
        if (!Amounts.IsValidMovement(amount) || (currency is not null && !Currencies.IsSupported(currency)))
        {
            throw new WalletRefusedException(RefusalCodes.ValidationFailed, $"An amount is 1 to {Amounts.Max} minor units of a supported currency.");
        }
    }

    /// <summary>
    /// The payer's yes to this movement, with the PIN or a device signature that must cover what it does: its kind,
    /// amount, currency, payee and reference. Asked for this key and body, so a replay of a refused request gets its
    /// first answer and spends no try. Answers with the customer's restriction.
    /// </summary>
    protected Task<Restriction> PayerSays(string customerId, PaymentAuthorisation authorisation, string fingerprint, string kind, long amount, string currency, string payee)
        => GrainFactory.GetGrain<IPaymentCredentialsGrain>(customerId).AuthorisePayment(authorisation.For($"{MovementId} {fingerprint}"),
            new SignedPayment(kind, amount, currency, payee, ReferenceFor(customerId, authorisation.IdempotencyKey)));

    /// <summary>
    /// The idempotency key the request gave, taken only when it is the one this movement runs under (its id
    /// is derived from the caller and the key); otherwise the movement's own id, which no other movement has.
    /// </summary>
    private string ReferenceFor(string customerId, string? idempotencyKey)
        => idempotencyKey is not null && MovementIds.WorkflowOf(MovementId) is { } workflow && MovementIds.For(workflow, customerId, idempotencyKey) == MovementId
            ? idempotencyKey : MovementId;

    protected IWalletGrain Wallet(string walletId) => GrainFactory.GetGrain<IWalletGrain>(walletId);

    /// <summary>This movement's rates and FX positions, when it converts between currencies.</summary>
    protected FxLegs Fx => new(GrainFactory, MovementId);

    protected IClearingAccountGrain Clearing(string purpose, string currency, string walletId)
        => GrainFactory.GetGrain<IClearingAccountGrain>(ClearingAccounts.KeyFor(purpose, currency, walletId));
}
