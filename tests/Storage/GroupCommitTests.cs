using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Serialization;
using Orleans.Storage;
using Orleans.Transactions.Abstractions;
using Wallet.Storage;
using Wallet.Storage.GroupCommit;
using Wallet.Tests.Infrastructure;
using Wallet.Wallets;

namespace Wallet.Tests.Storage;

/// <summary>The group commit that stores transactional state: many grains' writes per round trip, each judged on its own version.</summary>
public sealed class GroupCommitTests
{
    [Fact]
    public async Task Concurrent_writes_share_round_trips_and_each_is_stored()
    {
        await using var database = await PostgresServer.MigratedDataSource();
        await using var rows = new GroupCommit(database, Options(writers: 1));

        var written = await Task.WhenAll(Enumerable.Range(0, 300).Select(i => rows.Write(StateTable.Transactional, Key($"w{i}"), [(byte)i], null)));
        var read = await Task.WhenAll(Enumerable.Range(0, 300).Select(i => rows.Read(StateTable.Transactional, Key($"w{i}"))));

        Assert.All(written, version => Assert.Equal(1, version));
        Assert.Equal(Enumerable.Range(0, 300).Select(i => (byte)i), read.Select(r => r!.Record.Single()));
        Assert.Equal(600, rows.Calls);
        Assert.True(rows.Batches <= 60, $"{rows.Batches} round trips for 600 calls");
    }

    [Fact]
    public async Task A_stale_version_fails_only_its_own_write()
    {
        await using var database = await PostgresServer.MigratedDataSource();
        await using var rows = new GroupCommit(database, Options(writers: 1));
        Assert.Equal(1, await rows.Write(StateTable.Transactional, Key("a"), [1], null));

        var outcomes = await Task.WhenAll(
            rows.Write(StateTable.Transactional, Key("a"), [2], expectedVersion: 7),
            rows.Write(StateTable.Transactional, Key("a"), [3], expectedVersion: null),
            rows.Write(StateTable.Transactional, Key("b"), [4], null),
            rows.Write(StateTable.Transactional, Key("c"), [5], null));

        Assert.Equal([null, null, 1, 1], outcomes);
        Assert.Equal([1], (await rows.Read(StateTable.Transactional, Key("a")))!.Record);
        Assert.Equal(2, await rows.Write(StateTable.Transactional, Key("a"), [6], expectedVersion: 1));
        Assert.Equal(2, (await rows.Read(StateTable.Transactional, Key("a")))!.Version);
        Assert.Null(await rows.Read(StateTable.Transactional, Key("never")));
    }

    [Fact]
    public async Task A_database_error_fails_the_whole_batch_and_stores_none_of_it()
    {
        await using var database = await PostgresServer.MigratedDataSource();
        await using var rows = new GroupCommit(database, Options(writers: 1));
        // Hold the only writer in a transaction that locks a row, so the next calls queue into one batch.
        await using var blocker = await database.OpenConnectionAsync();
        Assert.Equal(1, await rows.Write(StateTable.Transactional, Key("held"), [0], null));
        await using var hold = await blocker.BeginTransactionAsync();
        await using (var lockRow = new NpgsqlCommand("SELECT 1 FROM wallet_transactional_state WHERE grain_id = 'held' FOR UPDATE", blocker, hold))
        {
            await lockRow.ExecuteScalarAsync();
        }
        var waiting = rows.Write(StateTable.Transactional, Key("held"), [1], expectedVersion: 1);
        await Eventually.Until(() => rows.Batches == 2, "the write to the held row to be on its way, holding the only writer");

        var good = rows.Write(StateTable.Transactional, Key("good"), [1], null);
        var bad = rows.Write(StateTable.Transactional, new StateKey("svc", "bad", new string('x', 151)), [1], null);
        await hold.CommitAsync();

        Assert.Equal(2, await waiting);
        await Assert.ThrowsAsync<PostgresException>(() => good);
        await Assert.ThrowsAsync<PostgresException>(() => bad);
        Assert.Null(await rows.Read(StateTable.Transactional, Key("good")));
    }

    [Fact]
    public async Task Transactional_state_survives_a_reload_and_refuses_a_stale_etag()
    {
        await using var database = await PostgresServer.MigratedDataSource();
        await using var rows = new GroupCommit(database, Options(writers: 2));
        // A client host's serializer knows Orleans' runtime types (the records carry participant ids); it is never started.
        using var client = Host.CreateApplicationBuilder().UseOrleansClient(c => c.UseLocalhostClustering()).Build();
        var serializer = client.Services.GetRequiredService<Serializer>();
        var storage = new GroupCommitStateStorage<WalletBook>(Key("book"), rows, serializer);

        var loaded = await storage.Load();
        Assert.Null(loaded.ETag);
        var prepared = new PendingTransactionState<WalletBook> { SequenceId = 1, TransactionId = "t1", State = new WalletBook { Balance = 500 } };
        var etag = await storage.Store(loaded.ETag, new TransactionalStateMetaData(), [prepared], commitUpTo: null, abortAfter: null);
        etag = await storage.Store(etag, new TransactionalStateMetaData(), null, commitUpTo: 1, abortAfter: null);

        var reloaded = await new GroupCommitStateStorage<WalletBook>(Key("book"), rows, serializer).Load();
        Assert.Equal(etag, reloaded.ETag);
        Assert.Equal(500, reloaded.CommittedState.Balance);
        Assert.Equal(1, reloaded.CommittedSequenceId);
        Assert.Empty(reloaded.PendingStates);
        await Assert.ThrowsAsync<InconsistentStateException>(() =>
            storage.Store(loaded.ETag, new TransactionalStateMetaData(), null, null, null));
    }

    [Fact]
    public async Task A_record_of_a_few_kilobytes_stays_in_its_row_instead_of_going_to_toast()
    {
        await using var database = await PostgresServer.MigratedDataSource();
        await using var rows = new GroupCommit(database, Options(writers: 1));
        // Random bytes do not compress: 4 KB is over PostgreSQL's default 2 KB TOAST threshold, under a page.
        var record = new byte[4096];
        Random.Shared.NextBytes(record);

        Assert.Equal(1, await rows.Write(StateTable.Transactional, Key("large"), record, null));
        Assert.Equal(2, await rows.Write(StateTable.Transactional, Key("large"), record, expectedVersion: 1));

        await using var toast = database.CreateCommand("SELECT reltoastrelid::regclass::text FROM pg_class WHERE relname = 'wallet_transactional_state'");
        var toastTable = (string)(await toast.ExecuteScalarAsync())!;
        await using var chunks = database.CreateCommand($"SELECT count(*) FROM {toastTable}");
        Assert.Equal(0L, (long)(await chunks.ExecuteScalarAsync())!);
        Assert.Equal(record, (await rows.Read(StateTable.Transactional, Key("large")))!.Record);
    }

    private static StateKey Key(string grain) => new("svc", grain, "state");

    private static IOptions<StorageOptions> Options(int writers)
        => Microsoft.Extensions.Options.Options.Create(new StorageOptions { GroupCommitWriters = writers, GroupCommitMaxBatch = 128 });
}
