using Npgsql;

namespace Wallet.Tests.Infrastructure;

/// <summary>
/// The throwaway PostgreSQL server that tests/run.sh starts (its address in WALLET_TEST_POSTGRES).
/// Each test that needs a database gets a fresh one, so no test sees another's rows.
/// </summary>
public static class PostgresServer
{
    public static string AdminConnectionString => Environment.GetEnvironmentVariable("WALLET_TEST_POSTGRES")
        ?? throw new InvalidOperationException("WALLET_TEST_POSTGRES is not set: run the suite with ./tests/run.sh, which starts PostgreSQL.");

    public static async Task<string> CreateDatabase()
    {
        var name = "wallet_" + Guid.NewGuid().ToString("N")[..12];
        await using var admin = new NpgsqlConnection(AdminConnectionString);
        await admin.OpenAsync();
        await using (var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin))
        {
            await create.ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name, MaxPoolSize = 20 }.ConnectionString;
    }

    /// <summary>A fresh database with the project's schema applied, for tests of the storage parts on their own.</summary>
    public static async Task<NpgsqlDataSource> MigratedDataSource()
    {
        var database = NpgsqlDataSource.Create(await CreateDatabase());
        await new Wallet.Storage.SchemaMigrator(database, Microsoft.Extensions.Logging.Abstractions.NullLogger<Wallet.Storage.SchemaMigrator>.Instance).Migrate();
        return database;
    }

    /// <summary>Settings that put a test host's state into <paramref name="connectionString"/>'s database.</summary>
    public static Dictionary<string, string?> Settings(string connectionString) => new(TestSettings.Values)
    {
        ["Wallet:Storage:Provider"] = "postgres",
        ["ConnectionStrings:Wallet"] = connectionString,
    };
}
