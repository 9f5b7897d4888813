using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Wallet.Hosting;
using Wallet.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Wallet.Tests.Storage;

/// <summary>
/// Three silo processes on PostgreSQL, clients streaming transfers through the gateways they find in
/// the membership table; one process is killed by SIGKILL mid-stream.
/// </summary>
[Collection(TopologyCollection.Name)]
public sealed class ProcessCrashTests(ITestOutputHelper output)
{
    [Trait("Speed", "Slow")]
    [Fact]
    public async Task Killing_a_silo_process_by_signal_loses_and_doubles_nothing()
    {
        var database = await PostgresServer.CreateDatabase();
        var cluster = "crash-" + Guid.NewGuid().ToString("N")[..8];
        var settings = new Dictionary<string, string?>(PostgresServer.Settings(database))
        {
            ["Wallet:Cluster:ClusterId"] = cluster,
            ["Wallet:Cluster:ServiceId"] = cluster,
            ["Serilog:MinimumLevel:Default"] = "Warning",
        };
        var silos = new List<SiloProcess>();
        try
        {
            // Started together, as an orchestrator would: they migrate the schema and join the cluster at once.
            silos.AddRange(Enumerable.Range(0, 3).Select(_ => SiloProcess.Start(settings)));
            foreach (var silo in silos)
            {
                await SiloProcess.UntilActive(settings, silos.Count, silo);
            }
            var client = Host.CreateApplicationBuilder();
            client.Configuration.AddInMemoryCollection(settings);
            client.Logging.ClearProviders();
            client.UseOrleansClient(orleans => orleans.UseWalletCluster(client.Configuration));
            using var host = client.Build();
            await host.StartAsync();
            var drill = await CrashDrill.Prepare(new Scenario(host.Services.GetRequiredService<IClusterClient>()));

            var costs = await drill.Run(() =>
            {
                silos[2].Kill();
                return Task.CompletedTask;
            });

            output.WriteLine(costs.ToString());
            CrashDrill.AssertRecoveredInTime(costs);
            await drill.AssertEveryTransferAppliedOnceOrNotAtAll();
            await host.StopAsync();
        }
        finally
        {
            foreach (var silo in silos)
            {
                await silo.DisposeAsync();
            }
        }
    }
}
