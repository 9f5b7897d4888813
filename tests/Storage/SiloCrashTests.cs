using Wallet.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Wallet.Tests.Storage;

/// <summary>Three in-process silos on PostgreSQL under a stream of transfers; one is killed mid-stream.</summary>
[Collection(TopologyCollection.Name)]
public sealed class SiloCrashTests(ITestOutputHelper output)
{
    [Trait("Speed", "Slow")]
    [Fact]
    public async Task Killing_a_silo_mid_stream_loses_and_doubles_nothing()
    {
        await using var cluster = await PostgresCluster.Start(PostgresServer.Settings(await PostgresServer.CreateDatabase()));
        var drill = await CrashDrill.Prepare(new Scenario(cluster.Client));

        var costs = await drill.Run(() => cluster.KillSiloAsync(cluster.Silos[2]));

        output.WriteLine(costs.ToString());
        CrashDrill.AssertRecoveredInTime(costs);
        await drill.AssertEveryTransferAppliedOnceOrNotAtAll();
    }
}
