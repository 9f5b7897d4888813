using Npgsql;

namespace Wallet.Bench.Targets;

/// <summary>
/// The baseline: a plain Npgsql ledger on the same PostgreSQL. One transfer is one SQL transaction:
/// both rows locked in id order, the balance checked, debit, credit and a journal row.
/// </summary>
public sealed class SqlLedger(NpgsqlDataSource database) : IBenchTarget
{
    private long _expected;

    public string Name => "sql-baseline";

    public IReadOnlyList<int> Helpers => [];

    public async Task Prepare(int wallets, long opening, Action<string> progress)
    {
        await using var command = database.CreateCommand($"""
            DROP TABLE IF EXISTS bench_journal, bench_accounts;
            CREATE TABLE bench_accounts (id integer PRIMARY KEY, balance bigint NOT NULL CHECK (balance >= 0));
            CREATE TABLE bench_journal (id bigserial PRIMARY KEY, from_id integer NOT NULL, to_id integer NOT NULL,
                                        amount bigint NOT NULL, at timestamptz NOT NULL DEFAULT now());
            CREATE INDEX bench_journal_from ON bench_journal (from_id, id);
            CREATE INDEX bench_journal_to ON bench_journal (to_id, id);
            INSERT INTO bench_accounts SELECT g, {opening} FROM generate_series(0, {wallets - 1}) g;
            """);
        await command.ExecuteNonQueryAsync();
        _expected = wallets * opening;
        progress($"{wallets} accounts");
    }

    public async Task Transfer(int from, int to, long amount)
    {
        try
        {
            await TransferOnce(from, to, amount);
        }
        catch (PostgresException exception)
        {
            throw new BenchFailure($"postgres {exception.SqlState}", exception);
        }
    }

    private async Task TransferOnce(int from, int to, long amount)
    {
        await using var connection = await database.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var lockRows = new NpgsqlCommand("SELECT id, balance FROM bench_accounts WHERE id = ANY($1) ORDER BY id FOR UPDATE", connection, transaction))
        {
            lockRows.Parameters.Add(new() { Value = new[] { from, to } });
            await using var rows = await lockRows.ExecuteReaderAsync();
            while (await rows.ReadAsync())
            {
                if (rows.GetInt32(0) == from && rows.GetInt64(1) < amount)
                {
                    throw new BenchFailure("insufficient_funds");
                }
            }
        }
        await using var move = new NpgsqlBatch(connection, transaction)
        {
            BatchCommands =
            {
                Command("UPDATE bench_accounts SET balance = balance - $2 WHERE id = $1", from, amount),
                Command("UPDATE bench_accounts SET balance = balance + $2 WHERE id = $1", to, amount),
                Command("INSERT INTO bench_journal (from_id, to_id, amount) VALUES ($1, $2, $3)", from, to, amount),
            },
        };
        await move.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
    }

    public async Task Read(int wallet)
    {
        await using var command = database.CreateBatch();
        command.BatchCommands.Add(Command("SELECT balance FROM bench_accounts WHERE id = $1", wallet));
        command.BatchCommands.Add(Command("""
            (SELECT id, amount FROM bench_journal WHERE from_id = $1 ORDER BY id DESC LIMIT 20)
            UNION ALL (SELECT id, amount FROM bench_journal WHERE to_id = $1 ORDER BY id DESC LIMIT 20)
            """, wallet));
        await using var rows = await command.ExecuteReaderAsync();
        do
        {
            while (await rows.ReadAsync())
            {
            }
        }
        while (await rows.NextResultAsync());
    }

    public async Task<Books> Audit()
    {
        await using var command = database.CreateCommand("SELECT coalesce(sum(balance), 0)::bigint, count(*) FILTER (WHERE balance < 0)::int FROM bench_accounts");
        await using var rows = await command.ExecuteReaderAsync();
        await rows.ReadAsync();
        return new Books(rows.GetInt64(0), _expected, rows.GetInt32(1), LedgerBalanced: true);
    }

    public ValueTask DisposeAsync() => database.DisposeAsync();

    private static NpgsqlBatchCommand Command(string sql, params object[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }
        return command;
    }
}
