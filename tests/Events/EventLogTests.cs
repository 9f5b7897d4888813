using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Orleans.Serialization;
using Orleans.Transactions.Abstractions;
using Wallet.Events;
using Wallet.Events.Log;
using Wallet.Storage;
using Wallet.Storage.GroupCommit;
using Wallet.Tests.Infrastructure;

namespace Wallet.Tests.Events;

/// <summary>A transactional state that carries events, as a movement's record does.</summary>
[GenerateSerializer, Alias("Wallet.Tests.EventfulRecord")]
public sealed class EventfulRecord : ICommitsEvents
{
    [Id(0)] public List<WalletEvent> Events { get; set; } = [];

    IReadOnlyList<WalletEvent> ICommitsEvents.Events => Events;
}

/// <summary>
/// The PostgreSQL event log on its own: appended in the group commit's batches, read back per partition in an
/// order no later commit can land behind, its readers' positions stored, old delivered rows dropped in bulk.
/// </summary>
public sealed class EventLogTests
{
    [Fact]
    public async Task A_reader_stops_before_an_event_whose_transaction_is_still_open_and_reads_it_first_once_committed()
    {
        await using var database = await PostgresServer.MigratedDataSource();
        await using var rows = new GroupCommit(database, Microsoft.Extensions.Options.Options.Create(new StorageOptions()));
        var log = Log(rows, database, out var serializer);
        var customer = "cus_" + Guid.NewGuid().ToString("N");
        var partition = log.PartitionOf(customer);

        // An append whose transaction began first and is still open (as a slow batch would be)...
        await using var slow = await database.OpenConnectionAsync();
        await using var open = await slow.BeginTransactionAsync();
        await using (var insert = new Npgsql.NpgsqlCommand("INSERT INTO wallet_event_log (service_id, partition, event) VALUES ('svc', $1, $2)", slow, open))
        {
            insert.Parameters.Add(new Npgsql.NpgsqlParameter<short> { TypedValue = (short)partition });
            insert.Parameters.Add(new Npgsql.NpgsqlParameter<byte[]> { TypedValue = serializer.SerializeToArray<WalletEvent>(Event(customer, "first")) });
            await insert.ExecuteNonQueryAsync();
        }
        // ...and one committed after it.
        await log.Publish(Event(customer, "second"));

        Assert.Empty(await log.Read(partition, LogPosition.Start, 100)); // "second" is committed, but "first" could still land before it
        await open.CommitAsync();
        // Any transaction still open on the server holds the horizon back (other tests' databases too): wait it out.
        var read = await Eventually.Value(() => log.Read(partition, LogPosition.Start, 100), r => r.Count == 2, "both events readable");
        Assert.Equal(["first", "second"], read.Select(e => e.Event.EventId));
        Assert.Empty(await log.Read(partition, read[^1].At, 100));
    }

    [Fact]
    public async Task Events_come_back_in_order_per_partition_and_the_position_and_trim_keep_to_what_was_delivered()
    {
        await using var database = await PostgresServer.MigratedDataSource();
        await using var rows = new GroupCommit(database, Microsoft.Extensions.Options.Options.Create(new StorageOptions { GroupCommitWriters = 4 }));
        var log = Log(rows, database, out _);
        var customers = Enumerable.Range(0, 6).Select(_ => "cus_" + Guid.NewGuid().ToString("N")).ToArray();

        // Each customer's events one after another, the customers at once (their appends share batches).
        await Task.WhenAll(customers.Select(async customer =>
        {
            for (var n = 0; n < 40; n++)
            {
                await log.Publish(Event(customer, $"{customer}-{n:D2}"));
            }
        }));

        await Eventually.Until(async () => (await Task.WhenAll(Enumerable.Range(0, log.Partitions).Select(p => log.Read(p, LogPosition.Start, 1000))))
            .Sum(r => r.Count) == 240, "every event readable");
        var all = new List<LoggedEvent>();
        foreach (var partition in Enumerable.Range(0, log.Partitions))
        {
            var at = await log.Position(partition);
            Assert.Equal(LogPosition.Start, at);
            for (var page = await log.Read(partition, at, 7); page.Count > 0; page = await log.Read(partition, at, 7))
            {
                all.AddRange(page);
                at = page[^1].At;
            }
            await log.Save(partition, at);
            Assert.Equal(at, await log.Position(partition));
            Assert.All(all.Where(e => log.PartitionOf(e.Event.CustomerId) == partition), e => Assert.True(e.At.CompareTo(at) <= 0));
        }

        Assert.Equal(240, all.Count);
        foreach (var customer in customers)
        {
            Assert.Equal(Enumerable.Range(0, 40).Select(n => $"{customer}-{n:D2}"), all.Where(e => e.Event.CustomerId == customer).Select(e => e.Event.EventId));
        }
        var busiest = customers.GroupBy(log.PartitionOf).OrderByDescending(g => g.Count()).First();
        var delivered = all.Where(e => log.PartitionOf(e.Event.CustomerId) == busiest.Key).ToList();
        var half = delivered[delivered.Count / 2].At;
        Assert.Equal(delivered.Count / 2 + 1, await log.Trim(busiest.Key, half)); // kept for no time: everything delivered up to there
        Assert.Equal(delivered.Skip(delivered.Count / 2 + 1).Select(e => e.Event.EventId), (await log.Read(busiest.Key, LogPosition.Start, 1000)).Select(e => e.Event.EventId));
    }

    [Fact]
    public async Task A_state_carrying_events_puts_them_in_the_log_with_its_commit_once_and_never_with_a_refused_write()
    {
        await using var database = await PostgresServer.MigratedDataSource();
        await using var rows = new GroupCommit(database, Microsoft.Extensions.Options.Options.Create(new StorageOptions()));
        var log = Log(rows, database, out _);
        var customer = "cus_" + Guid.NewGuid().ToString("N");
        var key = new StateKey("svc", "movement", "record");
        var storage = new GroupCommitStateStorage<EventfulRecord>(key, rows, s_serializer, log);
        var loaded = await storage.Load();
        EventfulRecord Carrying(params string[] ids) => new() { Events = [.. ids.Select(id => (WalletEvent)Event(customer, id))] };

        var etag = await storage.Store(loaded.ETag, new(), [Pending(1, Carrying("out", "in"))], commitUpTo: null, abortAfter: null);
        Assert.Empty(await Logged(log, customer)); // prepared, not committed
        etag = await storage.Store(etag, new(), null, commitUpTo: 1, abortAfter: null);
        Assert.Equal(["out", "in"], await Logged(log, customer));

        // Committed again with the same events (a replay's transaction): nothing new in the log.
        etag = await storage.Store(etag, new(), [Pending(2, Carrying("out", "in"))], commitUpTo: 2, abortAfter: null);
        Assert.Equal(["out", "in"], await Logged(log, customer));

        // A store that lost the race for its row (another activation wrote first) appends nothing.
        var stale = new GroupCommitStateStorage<EventfulRecord>(key, rows, s_serializer, log);
        var staleEtag = (await stale.Load()).ETag;
        await storage.Store(etag, new(), [Pending(3, Carrying("late"))], commitUpTo: null, abortAfter: null);
        await Assert.ThrowsAsync<Orleans.Storage.InconsistentStateException>(() => stale.Store(staleEtag, new(), [Pending(3, Carrying("stale"))], commitUpTo: 3, abortAfter: null));
        Assert.Equal(["out", "in"], await Logged(log, customer));
    }

    private static PendingTransactionState<EventfulRecord> Pending(long sequence, EventfulRecord state)
        => new() { SequenceId = sequence, TransactionId = $"t{sequence}", State = state };

    /// <summary>
    /// The customer's events in the log, markers left out. A marker appended now is read first: once it is
    /// readable, so is everything committed before it (another test's open transaction only delays that).
    /// </summary>
    private static async Task<string[]> Logged(EventLog log, string customer)
    {
        var marker = "marker-" + Guid.NewGuid().ToString("N");
        await log.Publish(Event(customer, marker));
        var read = await Eventually.Value(() => log.Read(log.PartitionOf(customer), LogPosition.Start, 1000),
            r => r.Any(e => e.Event.EventId == marker), "the marker readable");
        return [.. read.Where(e => e.Event.CustomerId == customer && !e.Event.EventId.StartsWith("marker-", StringComparison.Ordinal)).Select(e => e.Event.EventId)];
    }

    private static LoginSucceeded Event(string customer, string id) => new(id, customer, DateTimeOffset.UnixEpoch);

    // A client host's serializer knows the wallet's event types; the host is never started.
    private static readonly Serializer s_serializer = Host.CreateApplicationBuilder().UseOrleansClient(c => c.UseLocalhostClustering()).Build()
        .Services.GetRequiredService<Serializer>();

    private static EventLog Log(GroupCommit rows, Npgsql.NpgsqlDataSource database, out Serializer serializer)
    {
        serializer = s_serializer;
        return new EventLog(rows, database, s_serializer, Microsoft.Extensions.Options.Options.Create(new ClusterOptions { ServiceId = "svc" }),
            Microsoft.Extensions.Options.Options.Create(new EventOptions { LogPartitions = 3, LogKeptFor = TimeSpan.Zero }));
    }
}
