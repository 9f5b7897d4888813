using Npgsql;
using Wallet.Tests.Infrastructure;

namespace Wallet.Tests.Hosting;

/// <summary>`Wallet.Silo migrate` as an operator meets it on a stock PostgreSQL 15+, where a new role may not create in <c>public</c>.</summary>
public sealed class MigrateTests
{
    [Fact]
    public async Task Migrate_as_a_role_that_may_not_create_in_public_says_which_grant_is_missing_and_exits_non_zero()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var (role, database) = ($"wallet_plain_{suffix}", $"wallet_owned_{suffix}");
        await using (var admin = new NpgsqlConnection(PostgresServer.AdminConnectionString))
        {
            await admin.OpenAsync();
            foreach (var sql in new[] { $"CREATE ROLE {role} LOGIN PASSWORD 'plain-role'", $"CREATE DATABASE {database}" })
            {
                await using var command = new NpgsqlCommand(sql, admin);
                await command.ExecuteNonQueryAsync();
            }
        }
        await using (var owned = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(PostgresServer.AdminConnectionString) { Database = database }.ConnectionString))
        {
            // What PostgreSQL 15 does by default, said explicitly so the test means the same on older servers.
            await owned.OpenAsync();
            await using var revoke = new NpgsqlCommand("REVOKE CREATE ON SCHEMA public FROM PUBLIC", owned);
            await revoke.ExecuteNonQueryAsync();
        }
        var asRole = new NpgsqlConnectionStringBuilder(PostgresServer.AdminConnectionString) { Database = database, Username = role, Password = "plain-role" };
        var settings = new Dictionary<string, string?>(PostgresServer.Settings(asRole.ConnectionString));

        await using var migrate = SiloProcess.Start(settings, arguments: "migrate");

        Assert.NotEqual(0, await migrate.Exited());
        var log = migrate.Log;
        Assert.Contains($"role {role} cannot create in schema public", log, StringComparison.Ordinal);
        Assert.Contains($"GRANT CREATE ON SCHEMA public TO {role}", log, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", log, StringComparison.Ordinal);
    }
}
