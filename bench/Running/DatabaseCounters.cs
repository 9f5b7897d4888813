using Npgsql;

namespace Wallet.Bench.Running;

/// <summary>
/// PostgreSQL's own counters for the target's database (commits and rows written), so each run can
/// say how many database transactions and row writes one operation cost.
/// </summary>
public sealed class DatabaseCounters(string adminConnectionString, string database)
{
    public sealed record Sample(long Commits, long RowsWritten);

    public async Task<Sample> Read()
    {
        await using var connection = new NpgsqlConnection(adminConnectionString);
        await connection.OpenAsync();
        // The statistics collector lags a little; ask it for a fresh snapshot.
        await using (var clear = new NpgsqlCommand("SELECT pg_stat_clear_snapshot()", connection))
        {
            await clear.ExecuteNonQueryAsync();
        }
        await using var command = new NpgsqlCommand(
            "SELECT xact_commit, tup_inserted + tup_updated + tup_deleted FROM pg_stat_database WHERE datname = $1", connection);
        command.Parameters.Add(new() { Value = database });
        await using var rows = await command.ExecuteReaderAsync();
        return await rows.ReadAsync() ? new Sample(rows.GetInt64(0), rows.GetInt64(1)) : new Sample(0, 0);
    }
}
