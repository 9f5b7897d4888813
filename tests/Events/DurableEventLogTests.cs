using System.Collections.Concurrent;
using Wallet.Events;
using Wallet.Risk;
using Wallet.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Wallet.Tests.Events;

/// <summary>
/// On PostgreSQL the events go through the event log: a silo killed while events are being published and
/// read loses none that were acknowledged, and its readers come back on the other silos, where the monitors
/// count each event once even when a batch is delivered again.
/// </summary>
[Collection(TopologyCollection.Name)]
public sealed class DurableEventLogTests(ITestOutputHelper output)
{
    private const int Customers = 16;

    [Trait("Speed", "Slow")]
    [Fact]
    public async Task Events_published_while_a_silo_dies_are_each_counted_once_by_their_monitor()
    {
        var settings = PostgresServer.Settings(await PostgresServer.CreateDatabase());
        settings["Wallet:Events:WakeReadersEvery"] = "00:00:01";
        await using var cluster = await PostgresCluster.Start(settings);

        var customers = Enumerable.Range(0, Customers).Select(_ => "cus_" + Guid.NewGuid().ToString("N")).ToArray();
        var attempted = new ConcurrentDictionary<string, string>();
        var acknowledged = new ConcurrentDictionary<string, string>();
        using var stop = new CancellationTokenSource();
        var publishers = Enumerable.Range(0, 4).Select(worker => Task.Run(async () =>
        {
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                var customer = customers[Random.Shared.Next(Customers)];
                var id = $"evt_w{worker}-{n}";
                attempted[id] = customer;
                try
                {
                    // From a grain on any silo, as the wallet's own grains publish.
                    await cluster.Client.GetGrain<IWalletEventSender>(Guid.NewGuid().ToString()).Send(new LoginSucceeded(id, customer, DateTimeOffset.UtcNow));
                    acknowledged[id] = customer;
                }
                catch (Exception exception) when (exception is not OutOfMemoryException)
                {
                    // A publish through the dying silo may fail; only acknowledged events are promised.
                }
            }
        })).ToList();

        await Eventually.Until(() => acknowledged.Count >= 200, "200 events published before the kill");
        await cluster.KillSiloAsync(cluster.Silos[2]);
        var atKill = acknowledged.Count;
        await Eventually.Until(() => acknowledged.Count >= atKill + 200, "200 events published after the kill", TimeSpan.FromSeconds(60));
        await stop.CancelAsync();
        await Task.WhenAll(publishers);

        var counted = new Dictionary<string, int>();
        await Eventually.Until(async () =>
        {
            foreach (var customer in customers)
            {
                counted[customer] = (await cluster.Client.GetGrain<IRiskMonitorGrain>(customer).GetSnapshot()).EventsCounted;
            }
            return customers.All(c => counted[c] >= acknowledged.Values.Count(a => a == c));
        }, "every acknowledged event counted", TimeSpan.FromSeconds(90),
            () => $"{customers.Sum(c => Math.Max(0, acknowledged.Values.Count(a => a == c) - counted.GetValueOrDefault(c)))} of {acknowledged.Count} missing");

        // Once each: never more than was sent to the customer, however often a batch came again.
        Assert.All(customers, c => Assert.InRange(counted[c], acknowledged.Values.Count(a => a == c), attempted.Values.Count(a => a == c)));
        var readers = await Task.WhenAll(Enumerable.Range(0, 8).Select(p => cluster.Client.GetGrain<IEventLogReaderGrain>(p).Wake()));
        output.WriteLine($"{acknowledged.Count} acknowledged of {attempted.Count} sent; {counted.Values.Sum()} counted; readers since their activation: " +
            string.Join(", ", readers.Select(r => $"{r.Delivered}/{r.Batches}")));
    }
}
