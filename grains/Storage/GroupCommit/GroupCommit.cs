using System.Threading.Channels;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace Wallet.Storage.GroupCommit;

/// <summary>
/// The silo's one way to read and write transactional state rows. Calls queue here; a few writers
/// each take everything queued and send it as one batch: one round trip and one database
/// transaction (the batch's implicit one) for the stores of many concurrent grain transactions.
/// Under load a commit's WAL flush and round trip are shared by dozens of grains; when the silo is
/// quiet a call goes out alone at once, so batching adds no waiting.
/// </summary>
/// <remarks>
/// A version mismatch fails only its own call (its UPDATE returns no row); a database error fails
/// every call of the batch, and Orleans then aborts those transactions as it would for one failed write.
/// Two calls for one row never share a batch: Orleans stores a grain's state one call at a time.
/// </remarks>
public sealed class GroupCommit : IAsyncDisposable
{
    private const string ReadSql = """
        SELECT version, record FROM wallet_transactional_state
        WHERE service_id = $1 AND grain_id = $2 AND state_name = $3
        """;

    private const string InsertSql = """
        INSERT INTO wallet_transactional_state (service_id, grain_id, state_name, version, record)
        VALUES ($1, $2, $3, 1, $4)
        ON CONFLICT DO NOTHING
        RETURNING version
        """;

    private const string UpdateSql = """
        UPDATE wallet_transactional_state SET version = version + 1, record = $4, modified_at = now()
        WHERE service_id = $1 AND grain_id = $2 AND state_name = $3 AND version = $5
        RETURNING version
        """;

    private readonly NpgsqlDataSource _database;
    private readonly int _maxBatch;
    private readonly Channel<StateCall> _calls = Channel.CreateUnbounded<StateCall>(new UnboundedChannelOptions { SingleWriter = false });
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
    public Task<StoredState?> Read(StateKey key)
    {
        var call = new StateCall(key, Record: null, ExpectedVersion: null, IsRead: true);
        Enqueue(call);
        return call.Outcome.Task;
    }

    /// <summary>
    /// Stores a record if the row is still at <paramref name="expectedVersion"/> (null: the row must not
    /// exist yet). Returns the new version, or null when another write got there first.
    /// </summary>
    public async Task<long?> Write(StateKey key, byte[] record, long? expectedVersion)
    {
        var call = new StateCall(key, record, expectedVersion, IsRead: false);
        Enqueue(call);
        return (await call.Outcome.Task)?.Version;
    }

    public async ValueTask DisposeAsync()
    {
        _calls.Writer.TryComplete();
        await Task.WhenAll(_writers);
    }

    private void Enqueue(StateCall call)
    {
        if (!_calls.Writer.TryWrite(call))
        {
            throw new ObjectDisposedException(nameof(GroupCommit), "The silo is stopping; transactional state can no longer be stored.");
        }
    }

    private async Task Write()
    {
        var batch = new List<StateCall>(_maxBatch);
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

    private async Task<StoredState?[]> Execute(List<StateCall> calls)
    {
        await using var connection = await _database.OpenConnectionAsync();
        await using var batch = new NpgsqlBatch(connection);
        foreach (var call in calls)
        {
            batch.BatchCommands.Add(Command(call));
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
                outcomes[i] = calls[i].IsRead
                    ? new StoredState(reader.GetInt64(0), (byte[])reader.GetValue(1))
                    : new StoredState(reader.GetInt64(0), calls[i].Record!);
            }
        }
        return outcomes;
    }

    private static NpgsqlBatchCommand Command(StateCall call)
    {
        var command = new NpgsqlBatchCommand(call.IsRead ? ReadSql : call.ExpectedVersion is null ? InsertSql : UpdateSql);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = call.Key.ServiceId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = call.Key.GrainId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = call.Key.StateName });
        if (!call.IsRead)
        {
            command.Parameters.Add(new NpgsqlParameter<byte[]> { TypedValue = call.Record, NpgsqlDbType = NpgsqlDbType.Bytea });
            if (call.ExpectedVersion is { } expected)
            {
                command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = expected });
            }
        }
        return command;
    }

    private sealed record StateCall(StateKey Key, byte[]? Record, long? ExpectedVersion, bool IsRead)
    {
        public TaskCompletionSource<StoredState?> Outcome { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
