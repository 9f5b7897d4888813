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

    private static async Task<long> Count(NpgsqlDataSource database, string sql)
    {
        await using var command = database.CreateCommand(sql);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
