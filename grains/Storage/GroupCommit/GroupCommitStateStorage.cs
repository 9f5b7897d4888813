using Orleans.Serialization;
using Orleans.Storage;
using Orleans.Transactions;

namespace Wallet.Storage.GroupCommit;

/// <summary>
/// One grain's transactional state, kept as Orleans keeps it (committed state, pending prepares,
/// the transaction manager's commit records) in one row, written through the silo's group commit.
/// The merge of prepares, commits and aborts is Orleans' own rule for transactional state records.
/// </summary>
public sealed class GroupCommitStateStorage<TState>(StateKey key, GroupCommit rows, Serializer serializer)
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
        var written = await rows.Write(StateTable.Transactional, key, serializer.SerializeToArray(next), _version)
            ?? throw new InconsistentStateException($"Another writer stored {key.GrainId}/{key.StateName} first.", null, ETag(_version));
        _record = next;
        _version = written;
        return ETag(written)!;
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
