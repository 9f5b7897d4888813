using System.Collections.Concurrent;
using Wallet.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Wallet.Tests.Events;

/// <summary>
/// The production streams keep events in PostgreSQL queues: a silo killed while it holds undelivered
/// events loses none of them; another silo delivers them once they become visible again.
/// </summary>
[Collection(TopologyCollection.Name)]
public sealed class DurableEventStreamTests(ITestOutputHelper output)
{
    private const int Streams = 16;

    [Trait("Speed", "Slow")]
    [Fact]
    public async Task Events_held_by_a_silo_that_dies_are_delivered_by_another()
    {
        var settings = PostgresServer.Settings(await PostgresServer.CreateDatabase());
        // Short enough for a test; production keeps 30 s so a slow batch is not delivered twice.
        settings["Wallet:Streams:VisibilityTimeout"] = "00:00:03";
        await using var cluster = await PostgresCluster.Start(settings);

        var streams = Enumerable.Range(0, Streams).Select(_ => Guid.NewGuid().ToString("N")).ToArray();
        var attempted = new ConcurrentDictionary<string, string>();
        var acknowledged = new ConcurrentDictionary<string, string>();
        using var stop = new CancellationTokenSource();
        var publishers = Enumerable.Range(0, 4).Select(worker => Task.Run(async () =>
        {
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                var stream = streams[Random.Shared.Next(Streams)];
                var id = $"w{worker}-{n}";
                attempted[id] = stream;
                try
                {
                    await cluster.Client.GetGrain<IEventProbePublisher>(Guid.NewGuid().ToString()).Publish(stream, id);
                    acknowledged[id] = stream;
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
        await Eventually.Until(() => acknowledged.Count >= atKill + 200, "200 events published after the kill");
        await stop.CancelAsync();
        await Task.WhenAll(publishers);

        var received = new Dictionary<string, (string[] Ids, int Deliveries)>();
        await Eventually.Until(async () =>
        {
            foreach (var stream in streams)
            {
                received[stream] = await cluster.Client.GetGrain<IEventProbeInbox>(stream).Received();
            }
            return acknowledged.Keys.All(id => received[acknowledged[id]].Ids.Contains(id));
        }, "every acknowledged event delivered", TimeSpan.FromSeconds(90),
            () => $"{acknowledged.Keys.Count(id => !received.TryGetValue(acknowledged[id], out var r) || !r.Ids.Contains(id))} of {acknowledged.Count} missing");

        foreach (var stream in streams)
        {
            // Nothing arrives that was never sent, and nothing lands on a stream it was not sent to.
            Assert.All(received[stream].Ids, id => Assert.Equal(stream, attempted[id]));
        }
        var deliveries = received.Values.Sum(r => r.Deliveries);
        var distinct = received.Values.Sum(r => r.Ids.Length);
        output.WriteLine($"{acknowledged.Count} acknowledged of {attempted.Count} sent; {distinct} distinct received in {deliveries} deliveries");
    }
}
