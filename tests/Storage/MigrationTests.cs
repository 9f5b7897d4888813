using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Wallet.Storage;
using Wallet.Tests.Infrastructure;

namespace Wallet.Tests.Storage;

public sealed class MigrationTests
{
    [Fact]
    public async Task A_fresh_database_gets_every_migration_and_a_second_run_applies_none()
    {
        await using var database = NpgsqlDataSource.Create(await PostgresServer.CreateDatabase());
        var migrator = new SchemaMigrator(database, NullLogger<SchemaMigrator>.Instance);

        var first = await migrator.Migrate();
        var second = await migrator.Migrate();

        Assert.Equal(SchemaMigrator.Known.Select(m => m.Name), first);
        Assert.Empty(second);
        Assert.Equal(SchemaMigrator.Known.Count, await Count(database, "SELECT count(*) FROM wallet_schema_migrations"));
    }

    [Fact]
    public async Task Silos_migrating_at_once_apply_each_migration_once()
    {
        await using var database = NpgsqlDataSource.Create(await PostgresServer.CreateDatabase());

        var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => new SchemaMigrator(database, NullLogger<SchemaMigrator>.Instance).Migrate()));

        Assert.Equal(SchemaMigrator.Known.Count, runs.Sum(r => r.Count));
        Assert.Equal(SchemaMigrator.Known.Count, await Count(database, "SELECT count(*) FROM wallet_schema_migrations"));
    }

    [Fact]
    public async Task Every_query_the_Orleans_providers_ask_for_is_present()
    {
        await using var database = NpgsqlDataSource.Create(await PostgresServer.CreateDatabase());
        await new SchemaMigrator(database, NullLogger<SchemaMigrator>.Instance).Migrate();
        string[] required =
        [
            "InsertMembershipVersionKey", "InsertMembershipKey", "UpdateMembershipKey", "UpdateIAmAlivetimeKey", "MembershipReadRowKey",
            "MembershipReadAllKey", "DeleteMembershipTableEntriesKey", "GatewaysQueryKey", "CleanupDefunctSiloEntriesKey",
            "WriteToStorageKey", "ReadFromStorageKey", "ClearStorageKey", "DeleteStorageKey",
            "UpsertReminderRowKey", "ReadReminderRowsKey", "ReadReminderRowKey", "ReadRangeRows1Key", "ReadRangeRows2Key",
            "DeleteReminderRowKey", "DeleteReminderRowsKey",
            "QueueStreamMessageKey", "GetStreamMessagesKey", "ConfirmStreamMessagesKey", "FailStreamMessageKey",
            "EvictStreamMessagesKey", "EvictStreamDeadLettersKey",
        ];

        var present = new List<string>();
        await using (var command = database.CreateCommand("SELECT querykey FROM orleansquery"))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                present.Add(reader.GetString(0));
            }
        }

        Assert.Empty(required.Except(present));
    }

    [Fact]
    public async Task A_grain_state_is_read_through_its_key_index_not_by_scanning_its_grain_type()
    {
        await using var database = NpgsqlDataSource.Create(await PostgresServer.CreateDatabase());
        await new SchemaMigrator(database, NullLogger<SchemaMigrator>.Instance).Migrate();
        await using var connection = await database.OpenConnectionAsync();
        await Execute(connection, """
            INSERT INTO orleans_grain_state (service_id, grain_type, grain_id_n0, grain_id_n1, grain_id_extension, grain_id_hash, grain_type_hash, payload, version)
            SELECT 'svc', 'movement', 0, 0, 'mv_' || g, 0, 0, '\x00', 1 FROM generate_series(1, 5000) g;
            ANALYZE orleans_grain_state;
            SET plan_cache_mode = force_generic_plan;
            """);
        await using (var read = new NpgsqlCommand("SELECT querytext FROM orleansquery WHERE querykey = 'ReadFromStorageKey'", connection))
        {
            // The provider's named parameters as a prepared statement's, planned without knowing their values.
            var query = ((string)(await read.ExecuteScalarAsync())!)
                .Replace("@ServiceId", "$1", StringComparison.Ordinal).Replace("@GrainTypeString", "$2", StringComparison.Ordinal)
                .Replace("@GrainIdN0", "$3", StringComparison.Ordinal).Replace("@GrainIdN1", "$4", StringComparison.Ordinal)
                .Replace("@GrainIdExtensionString", "$5", StringComparison.Ordinal);
            await Execute(connection, $"PREPARE read_state(text, text, bigint, bigint, text) AS {query}");
        }

        await using var explain = new NpgsqlCommand("EXPLAIN EXECUTE read_state('svc', 'movement', 0, 0, 'mv_77')", connection);
        var plan = (string)(await explain.ExecuteScalarAsync())!;

        Assert.Contains("Index Scan using orleans_grain_state_by_key", plan, StringComparison.Ordinal);
    }

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<long> Count(NpgsqlDataSource database, string sql)
    {
        await using var command = database.CreateCommand(sql);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
