using Npgsql;
using Wallet.Tests.Infrastructure;

namespace Wallet.Tests.Storage;

/// <summary>
/// A silo that stops gives its database connections back. Its data source was once handed to the container as an
/// instance, which the container never disposes: a process that stopped clusters and started others (the suite's restart
/// tests one after another) held every connection until PostgreSQL refused new ones ("too many clients already").
/// </summary>
[Collection(TopologyCollection.Name)]
public sealed class ConnectionReleaseTests
{
    [Trait("Speed", "Slow")]
    [Fact]
    public async Task Stopping_a_cluster_closes_its_silos_connections_to_the_database()
    {
        var connectionString = await PostgresServer.CreateDatabase();
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        await using (var cluster = await PostgresCluster.Start(PostgresServer.Settings(connectionString), silos: 2))
        {
            var bank = new Scenario(cluster.Client);
            var (alice, wallet) = await bank.FundedCustomer(1_000);
            var bobWallet = await bank.OpenWallet(await bank.NewCustomer());
            await Scenario.AsAClientWould(() => bank.Transfer(alice, wallet, bobWallet, 400));
            Assert.True(await Connections(database) > 0, "the silos work through connections to their database");
            await bank.AssertBalanced(wallet, bobWallet);
        }

        var open = -1;
        await Eventually.Until(async () => (open = await Connections(database)) == 0, "every connection to the stopped cluster's database closed",
            TimeSpan.FromSeconds(15), () => $"{open} still open");
    }

    /// <summary>The server's sessions connected to <paramref name="database"/>, as PostgreSQL counts them.</summary>
    private static async Task<int> Connections(string database)
    {
        await using var admin = new NpgsqlConnection(PostgresServer.AdminConnectionString);
        await admin.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE datname = @database", admin);
        count.Parameters.AddWithValue("database", database);
        return Convert.ToInt32(await count.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
