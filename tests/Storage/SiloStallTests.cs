using Wallet.Tests.Infrastructure;

namespace Wallet.Tests.Storage;

/// <summary>
/// Failure detection tells a dead silo from a slow one: a silo process that stops answering for a few seconds,
/// as in a long GC pause or on a starved machine, must not be evicted (an evicted silo kills itself, and
/// every activation and transaction on it with it).
/// </summary>
[Collection(TopologyCollection.Name)]
[Trait("Speed", "Slow")]
public sealed class SiloStallTests
{
    [Fact]
    public async Task A_silo_that_stalls_for_ten_seconds_stays_in_the_cluster()
    {
        var database = await PostgresServer.CreateDatabase();
        var cluster = "stall-" + Guid.NewGuid().ToString("N")[..8];
        var settings = new Dictionary<string, string?>(PostgresServer.Settings(database))
        {
            ["Wallet:Cluster:ClusterId"] = cluster,
            ["Wallet:Cluster:ServiceId"] = cluster,
            ["Serilog:MinimumLevel:Default"] = "Warning",
        };
        await using var first = SiloProcess.Start(settings);
        await using var second = SiloProcess.Start(settings);
        await SiloProcess.UntilActive(settings, 2, first);
        await SiloProcess.UntilActive(settings, 2, second);

        await second.Stall(TimeSpan.FromSeconds(10));

        Assert.Equal((2L, 0L), await SiloProcess.Members(settings));
        Assert.False(second.HasExited, $"the stalled silo stopped: {second.Log}");
    }
}
