using Microsoft.Extensions.Configuration;
using Npgsql;
using Wallet.Storage;

namespace Wallet.Tests.Storage;

/// <summary>Pool size and statement preparation come from configuration unless the connection string sets them, however spelled.</summary>
public sealed class WalletDatabaseTests
{
    [Theory]
    [InlineData("Host=db", 30, 32)]
    [InlineData("Host=db;MaxPoolSize=7", 7, 32)]
    [InlineData("Host=db;Maximum Pool Size=7;Max Auto Prepare=0", 7, 0)]
    [InlineData("Host=db;Auto Prepare Min Usages=3", 30, 32)]
    public async Task The_connection_string_wins_over_configuration_only_for_the_keys_it_sets(string connectionString, int pool, int autoPrepare)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Wallet"] = connectionString,
        }).Build();

        await using var database = WalletDatabase.Open(configuration);
        var opened = new NpgsqlConnectionStringBuilder(database.ConnectionString);

        Assert.Equal(pool, opened.MaxPoolSize);
        Assert.Equal(autoPrepare, opened.MaxAutoPrepare);
    }
}
