using System.Threading.Channels;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Wallet.Storage.GroupCommit;

/// <summary>
/// The silo's one way to read and write state rows and append to the event log. Calls queue here; a
/// few writers each take everything queued and send it as one batch: one round trip and one database
/// transaction (the batch's implicit one) for the stores of many concurrent grains. Under load a
/// commit's WAL flush and round trip are shared by dozens of grains; when the silo is quiet a call
/// goes out alone at once, so batching adds no waiting.
/// </summary>
/// <remarks>
/// A version mismatch fails only its own call (its UPDATE returns no row); a database error fails
/// every call of the batch, and Orleans then aborts those transactions as it would for one failed write.
/// Two calls for one row never share a batch: Orleans stores a grain's state one call at a time.
/// </remarks>
public sealed class GroupCommit : IAsyncDisposable
{
    private readonly NpgsqlDataSource _database;
    private readonly int _maxBatch;
    private readonly Channel<BatchedCall> _calls = Channel.CreateUnbounded<BatchedCall>(new UnboundedChannelOptions { SingleWriter = false });
    private readonly Task[] _writers;
    private long _batches;
    private long _callsSent;

    public GroupCommit(NpgsqlDataSource database, IOptions<StorageOptions> options)
    {
        _database = database;
        _maxBatch = Math.Max(1, options.Value.GroupCommitMaxBatch);
        _writers = Enumerable.Range(0, Math.Max(1, options.Value.GroupCommitWriters)).Select(_ => Task.Run(Write)).ToArray();
    }

    /// <summary>Round trips made so far: with <see cref="Calls"/>, how much batching happened.</summary>
    public long Batches => Interlocked.Read(ref _batches);

    public long Calls => Interlocked.Read(ref _callsSent);

    /// <summary>The row's version and record, or null when the state was never stored.</summary>
    public Task<StoredState?> Read(StateTable table, StateKey key) => Send(StateRows.Read(table, key));

    /// <summary>
    /// Stores a record if the row is still at <paramref name="expectedVersion"/> (null: the row must not
    /// exist yet). Returns the new version, or null when another write got there first.
    /// </summary>
    /// <remarks>
    /// <paramref name="events"/>: appended to the event log by the same statement, only if the record is stored
    /// (a committed movement's events exist exactly when its commit does).
    /// </remarks>
    public async Task<long?> Write(StateTable table, StateKey key, byte[] record, long? expectedVersion, LogAppends? events = null, LedgerColumns? ledger = null)
        => (await Send(StateRows.Write(table, key, record, expectedVersion, events, ledger)))?.Version;

    /// <summary>Removes a row if it is still at <paramref name="version"/>; false when another write got there first.</summary>
    public async Task<bool> Delete(StateTable table, StateKey key, long version)
        => await Send(StateRows.Delete(table, key, version)) is not null;

    /// <summary>Any other statement of the batch: its first row's first column, or null without a row.</summary>
    public Task<StoredState?> Send(BatchedCall call)
    {
        if (!_calls.Writer.TryWrite(call))
        {
            throw new ObjectDisposedException(nameof(GroupCommit), "The silo is stopping; state can no longer be stored.");
        }
        return call.Outcome.Task;
    }

    public async ValueTask DisposeAsync()
    {
        _calls.Writer.TryComplete();
        await Task.WhenAll(_writers);
    }

    private async Task Write()
    {
        var batch = new List<BatchedCall>(_maxBatch);
        while (await _calls.Reader.WaitToReadAsync())
        {
            while (batch.Count < _maxBatch && _calls.Reader.TryRead(out var call))
            {
                batch.Add(call);
            }
            if (batch.Count == 0)
            {
                continue;
            }
            try
            {
                using var traced = Telemetry.WalletActivities.ServingMany("group commit", batch, static call => call.Caller);
                var outcomes = await Execute(batch);
                for (var i = 0; i < batch.Count; i++)
                {
                    batch[i].Outcome.TrySetResult(outcomes[i]);
                }
            }
            catch (Exception exception)
            {
                foreach (var call in batch)
                {
                    call.Outcome.TrySetException(exception);
                }
            }
            batch.Clear();
        }
    }

    private async Task<StoredState?[]> Execute(List<BatchedCall> calls)
    {
        await using var connection = await _database.OpenConnectionAsync();
        await using var batch = new NpgsqlBatch(connection);
        foreach (var call in calls)
        {
            batch.BatchCommands.Add(call.Command);
        }
        Interlocked.Increment(ref _batches);
        Interlocked.Add(ref _callsSent, calls.Count);
        var outcomes = new StoredState?[calls.Count];
        await using var reader = await batch.ExecuteReaderAsync();
        for (var i = 0; i < calls.Count; i++)
        {
            if (i > 0 && !await reader.NextResultAsync())
            {
                throw new InvalidOperationException("PostgreSQL answered fewer statements than the batch sent.");
            }
            if (await reader.ReadAsync())
            {
                outcomes[i] = calls[i].Answer(reader);
            }
        }
        return outcomes;
    }
}

/// <summary>
/// One statement of a batch and what its first row means. The statement must return rows (a RETURNING
/// clause at least): Npgsql's reader skips the results of statements that return none, which would
/// shift every answer after it.
/// </summary>
public sealed class BatchedCall(NpgsqlBatchCommand command, Func<NpgsqlDataReader, StoredState?> answer)
{
    public NpgsqlBatchCommand Command { get; } = command;

    public Func<NpgsqlDataReader, StoredState?> Answer { get; } = answer;

    public TaskCompletionSource<StoredState?> Outcome { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The traced request this statement is for, if any: the batch's span continues its trace.</summary>
    public System.Diagnostics.ActivityContext Caller { get; } = Telemetry.WalletActivities.Caller;
}
