using Npgsql;
using NpgsqlTypes;

namespace Wallet.Storage.GroupCommit;

/// <summary>The two tables of versioned state rows the group commit keeps.</summary>
public enum StateTable
{
    /// <summary><c>wallet_transactional_state</c>: Orleans' transactional state records (balances, movement records).</summary>
    Transactional,

    /// <summary><c>wallet_grain_state</c>: every other grain's <c>[PersistentState]</c>.</summary>
    Grain,
}

/// <summary>Events to append to the log with a state write (same service): each one's partition and serialized bytes.</summary>
public sealed record LogAppends(IReadOnlyList<short> Partitions, IReadOnlyList<byte[]> Events);

/// <summary>The statements that read, write and remove one versioned state row.</summary>
internal static class StateRows
{
    public static BatchedCall Read(StateTable table, StateKey key)
        => new(Command($"SELECT version, record FROM {Name(table)} WHERE service_id = $1 AND grain_id = $2 AND state_name = $3", key),
            reader => new StoredState(reader.GetInt64(0), (byte[])reader.GetValue(1)));

    public static BatchedCall Write(StateTable table, StateKey key, byte[] record, long? expectedVersion, LogAppends? events = null)
    {
        var write = expectedVersion is null
            ? $"""
               INSERT INTO {Name(table)} (service_id, grain_id, state_name, version, record) VALUES ($1, $2, $3, 1, $4)
               ON CONFLICT DO NOTHING RETURNING version
               """
            : $"""
               UPDATE {Name(table)} SET version = version + 1, record = $4, modified_at = now()
               WHERE service_id = $1 AND grain_id = $2 AND state_name = $3 AND version = $5 RETURNING version
               """;
        // The events go in by the same statement, and only when the write returned its row.
        var next = expectedVersion is null ? 5 : 6;
        var command = Command(events is null ? write : $"""
            WITH stored AS ({write}),
            logged AS (
                INSERT INTO wallet_event_log (service_id, partition, event)
                SELECT $1, e.partition, e.event FROM unnest(${next}::smallint[], ${next + 1}::bytea[]) AS e(partition, event)
                WHERE EXISTS (SELECT 1 FROM stored)
                RETURNING 1)
            SELECT version FROM stored
            """, key);
        command.Parameters.Add(new NpgsqlParameter<byte[]> { TypedValue = record, NpgsqlDbType = NpgsqlDbType.Bytea });
        if (expectedVersion is { } expected)
        {
            command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = expected });
        }
        if (events is not null)
        {
            command.Parameters.Add(new NpgsqlParameter<short[]> { TypedValue = [.. events.Partitions] });
            command.Parameters.Add(new NpgsqlParameter<byte[][]> { TypedValue = [.. events.Events], NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bytea });
        }
        return new(command, reader => new StoredState(reader.GetInt64(0), record));
    }

    public static BatchedCall Delete(StateTable table, StateKey key, long version)
    {
        var command = Command($"DELETE FROM {Name(table)} WHERE service_id = $1 AND grain_id = $2 AND state_name = $3 AND version = $4 RETURNING version", key);
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = version });
        return new(command, reader => new StoredState(reader.GetInt64(0), []));
    }

    private static string Name(StateTable table) => table == StateTable.Transactional ? "wallet_transactional_state" : "wallet_grain_state";

    private static NpgsqlBatchCommand Command(string sql, StateKey key)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = key.ServiceId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = key.GrainId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = key.StateName });
        return command;
    }
}
