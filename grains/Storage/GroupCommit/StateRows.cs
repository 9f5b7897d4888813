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

/// <summary>
/// What a transactional state row says beside its record for the ledger check: the side and currency of the
/// money it holds, its committed amount and each prepared transaction's amount, and the transactions it
/// has committed as their manager whose confirmations are still under way. All null where there is none.
/// </summary>
public sealed record LedgerColumns(char? Side, string? Currency, long? Committed, Guid[]? PendingTransactions, long[]? PendingMoney, Guid[]? CommitRecords)
{
    public static LedgerColumns None { get; } = new(null, null, null, null, null, null);
}

/// <summary>The statements that read, write and remove one versioned state row.</summary>
internal static class StateRows
{
    /// <summary>One table's statements, written once: they run on every grain's every store.</summary>
    private sealed record Statements(string Read, string Insert, string Update, string Delete, string InsertWithEvents, string UpdateWithEvents);

    /// <summary>The ledger check's columns of a transactional state row, in the order <see cref="AddLedger"/> binds them.</summary>
    private static readonly string[] s_ledgerColumns =
        ["ledger_side", "ledger_currency", "committed_money", "pending_transactions", "pending_money", "commit_records"];

    private static readonly Statements s_transactional = For("wallet_transactional_state", s_ledgerColumns);
    private static readonly Statements s_grain = For("wallet_grain_state", []);

    public static BatchedCall Read(StateTable table, StateKey key)
        => new(Command(Of(table).Read, key), reader => new StoredState(reader.GetInt64(0), (byte[])reader.GetValue(1)));

    /// <summary>Stores a row; a transactional state's also with its ledger columns (<see cref="LedgerColumns.None"/> if it holds no money).</summary>
    public static BatchedCall Write(StateTable table, StateKey key, byte[] record, long? expectedVersion, LogAppends? events = null, LedgerColumns? ledger = null)
    {
        var sql = Of(table);
        var command = Command((expectedVersion, events) switch
        {
            (null, null) => sql.Insert,
            (null, _) => sql.InsertWithEvents,
            (_, null) => sql.Update,
            _ => sql.UpdateWithEvents,
        }, key);
        command.Parameters.Add(new NpgsqlParameter<byte[]> { TypedValue = record, NpgsqlDbType = NpgsqlDbType.Bytea });
        if (table == StateTable.Transactional)
        {
            AddLedger(command, ledger ?? LedgerColumns.None);
        }
        if (expectedVersion is { } expected)
        {
            command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = expected });
        }
        if (events is not null)
        {
            AddAppends(command, events);
        }
        return new(command, reader => new StoredState(reader.GetInt64(0), record));
    }

    public static BatchedCall Delete(StateTable table, StateKey key, long version)
    {
        var command = Command(Of(table).Delete, key);
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = version });
        return new(command, reader => new StoredState(reader.GetInt64(0), []));
    }

    /// <summary>Events appended on their own (a customer's sign-in, a wrong PIN): the same insert, with nothing to wait for.</summary>
    public static BatchedCall Append(string serviceId, LogAppends events)
    {
        var command = new NpgsqlBatchCommand(AppendSql(1, 2, 3, guard: null) + " RETURNING 1");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = serviceId });
        AddAppends(command, events);
        return new(command, _ => null);
    }

    /// <summary>The one statement that puts events in the log: parameters name the service, the partitions and the events.</summary>
    private static string AppendSql(int service, int partitions, int events, string? guard) => $"""
        INSERT INTO wallet_event_log (service_id, partition, event)
        SELECT ${service}, e.partition, e.event FROM unnest(${partitions}::smallint[], ${events}::bytea[]) AS e(partition, event)
        {guard}
        """;

    private static void AddLedger(NpgsqlBatchCommand command, LedgerColumns ledger)
    {
        command.Parameters.Add(new NpgsqlParameter { Value = ledger.Side is { } side ? side.ToString() : DBNull.Value, NpgsqlDbType = NpgsqlDbType.Char });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)ledger.Currency ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Varchar });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)ledger.Committed ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Bigint });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)ledger.PendingTransactions ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)ledger.PendingMoney ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)ledger.CommitRecords ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid });
    }

    private static void AddAppends(NpgsqlBatchCommand command, LogAppends events)
    {
        command.Parameters.Add(new NpgsqlParameter<short[]> { TypedValue = [.. events.Partitions] });
        command.Parameters.Add(new NpgsqlParameter<byte[][]> { TypedValue = [.. events.Events], NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bytea });
    }

    /// <summary>
    /// A table's statements. Parameters: $1-$3 the key, $4 the record, then the table's own columns, then the
    /// expected version (an update), then the events' partitions and bytes (a write with events).
    /// </summary>
    private static Statements For(string table, string[] columns)
    {
        var own = columns.Select((column, i) => (Column: column, Parameter: $"${5 + i}")).ToList();
        var versionAt = 5 + columns.Length;
        var insert = $"""
            INSERT INTO {table} (service_id, grain_id, state_name, version, record{string.Concat(own.Select(c => ", " + c.Column))})
            VALUES ($1, $2, $3, 1, $4{string.Concat(own.Select(c => ", " + c.Parameter))})
            ON CONFLICT DO NOTHING RETURNING version
            """;
        var update = $"""
            UPDATE {table} SET version = version + 1, record = $4{string.Concat(own.Select(c => $", {c.Column} = {c.Parameter}"))}, modified_at = now()
            WHERE service_id = $1 AND grain_id = $2 AND state_name = $3 AND version = ${versionAt} RETURNING version
            """;
        // A committed state's events go in by the same statement as the state, and only when its write returned its row.
        static string WithEvents(string write, int next) => $"""
            WITH stored AS ({write}),
            logged AS ({AppendSql(1, next, next + 1, "WHERE EXISTS (SELECT 1 FROM stored)")} RETURNING 1)
            SELECT version FROM stored
            """;
        return new Statements(
            $"SELECT version, record FROM {table} WHERE service_id = $1 AND grain_id = $2 AND state_name = $3",
            insert,
            update,
            $"DELETE FROM {table} WHERE service_id = $1 AND grain_id = $2 AND state_name = $3 AND version = $4 RETURNING version",
            WithEvents(insert, versionAt),
            WithEvents(update, versionAt + 1));
    }

    private static Statements Of(StateTable table) => table == StateTable.Transactional ? s_transactional : s_grain;

    private static NpgsqlBatchCommand Command(string sql, StateKey key)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = key.ServiceId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = key.GrainId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = key.StateName });
        return command;
    }
}
