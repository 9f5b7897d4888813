using Orleans.Serialization;
using Orleans.Storage;
using Orleans.Transactions;
using Wallet.Events;
using Wallet.Events.Log;
using Wallet.Ledger;

namespace Wallet.Storage.GroupCommit;

/// <summary>
/// One grain's transactional state, kept as Orleans keeps it (committed state, pending prepares,
/// the transaction manager's commit records) in one row, written through the silo's group commit.
/// The merge of prepares, commits and aborts is Orleans' own rule for transactional state records.
/// A state that carries events (<see cref="ICommitsEvents"/>) has the events of a newly committed state
/// appended to the event log by the very statement that stores it as committed. For a movement that is
/// its commit record's store (its record is the transaction's first writer, so the movement is the
/// transaction manager and stores prepare, commit and confirmation at once).
/// </summary>
public sealed class GroupCommitStateStorage<TState>(StateKey key, GroupCommit rows, Serializer serializer, EventLog? log = null)
    : ITransactionalStateStorage<TState>
    where TState : class, new()
{
    private TransactionalStateRecord<TState> _record = new();
    private long? _version;

    public async Task<TransactionalStorageLoadResponse<TState>> Load()
    {
        var stored = await rows.Read(StateTable.Transactional, key);
        _record = stored is null ? new() : serializer.Deserialize<TransactionalStateRecord<TState>>(stored.Record) ?? new();
        _version = stored?.Version;
        return new TransactionalStorageLoadResponse<TState>(ETag(_version), _record.CommittedState, _record.CommittedSequenceId,
            _record.Metadata, _record.PendingStates);
    }

    public async Task<string> Store(string? expectedETag, TransactionalStateMetaData metadata,
        List<PendingTransactionState<TState>>? statesToPrepare, long? commitUpTo, long? abortAfter)
    {
        if (ETag(_version) != expectedETag)
        {
            throw new InconsistentStateException("The transactional state changed since it was read.", ETag(_version), expectedETag);
        }
        var next = Merge(_record, metadata, statesToPrepare, commitUpTo, abortAfter);
        var written = await rows.Write(StateTable.Transactional, key, serializer.SerializeToArray(next), _version, NewlyCommittedEvents(_record, next), LedgerOf(next))
            ?? throw new InconsistentStateException($"Another writer stored {key.GrainId}/{key.StateName} first.", null, ETag(_version));
        _record = next;
        _version = written;
        return ETag(written)!;
    }

    /// <summary>The events of a state that this store makes committed, less any its last committed state already had.</summary>
    private LogAppends? NewlyCommittedEvents(TransactionalStateRecord<TState> stored, TransactionalStateRecord<TState> next)
    {
        if (log is null || next.CommittedSequenceId == stored.CommittedSequenceId || next.CommittedState is not ICommitsEvents { Events.Count: > 0 } committed)
        {
            return null;
        }
        var before = stored.CommittedState is ICommitsEvents earlier ? earlier.Events.Select(e => e.EventId).ToHashSet(StringComparer.Ordinal) : [];
        var fresh = committed.Events.Where(e => !before.Contains(e.EventId)).ToList();
        return fresh.Count == 0 ? null : log.Appends(fresh);
    }

    /// <summary>
    /// What the ledger check reads beside the record: the money of the committed state and of each prepared one
    /// (with its transaction), and the transactions this state committed as manager that are not yet confirmed everywhere.
    /// </summary>
    private static LedgerColumns LedgerOf(TransactionalStateRecord<TState> record)
    {
        Guid[]? commits = record.Metadata.CommitRecords.Count == 0 ? null : [.. record.Metadata.CommitRecords.Keys];
        if (record.CommittedState is not IHoldsMoney committed)
        {
            return commits is null ? LedgerColumns.None : LedgerColumns.None with { CommitRecords = commits };
        }
        // Orleans names transactions by Guid; a name that is not one (none is) matches no commit record, so its amount never counts.
        var prepared = record.PendingStates.Select(p => (Id: Guid.TryParse(p.TransactionId, out var id) ? id : Guid.Empty, State: (IHoldsMoney)p.State)).ToList();
        return new LedgerColumns(
            (char)committed.Side,
            prepared.Select(p => p.State.Currency).LastOrDefault(c => c is not null) ?? committed.Currency,
            committed.Money,
            prepared.Count == 0 ? null : [.. prepared.Select(p => p.Id)],
            prepared.Count == 0 ? null : [.. prepared.Select(p => p.State.Money)],
            commits);
    }

    private static TransactionalStateRecord<TState> Merge(TransactionalStateRecord<TState> stored, TransactionalStateMetaData metadata,
        List<PendingTransactionState<TState>>? statesToPrepare, long? commitUpTo, long? abortAfter)
    {
        var next = new TransactionalStateRecord<TState>
        {
            CommittedState = stored.CommittedState,
            CommittedSequenceId = stored.CommittedSequenceId,
            Metadata = metadata,
            PendingStates = [.. stored.PendingStates],
        };
        var pending = next.PendingStates;
        if (abortAfter is { } lastKept && pending.FindIndex(p => p.SequenceId > lastKept) is var firstAborted and >= 0)
        {
            pending.RemoveRange(firstAborted, pending.Count - firstAborted);
        }
        foreach (var prepared in statesToPrepare ?? [])
        {
            var at = pending.FindIndex(p => p.SequenceId >= prepared.SequenceId);
            if (at < 0)
            {
                pending.Add(prepared);
            }
            else if (pending[at].SequenceId == prepared.SequenceId)
            {
                pending[at] = prepared;
            }
            else
            {
                pending.Insert(at, prepared);
            }
        }
        if (commitUpTo is { } committed && committed > next.CommittedSequenceId)
        {
            var at = pending.FindIndex(p => p.SequenceId == committed);
            if (at < 0)
            {
                throw new InvalidOperationException($"Transactional state corrupted: no prepare record for committed sequence {committed}.");
            }
            next.CommittedSequenceId = committed;
            next.CommittedState = pending[at].State;
            pending.RemoveRange(0, at + 1);
        }
        return next;
    }

    private static string? ETag(long? version) => version?.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
