using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Configuration;
using Orleans.Serialization;
using Orleans.Transactions.Abstractions;
using Wallet.Ledger;
using Wallet.Storage;
using Wallet.Storage.GroupCommit;
using Wallet.Tests.Events;
using Wallet.Tests.Infrastructure;
using Wallet.Wallets;

namespace Wallet.Tests.Ledger;

/// <summary>
/// The ledger check on PostgreSQL sums the stored rows in one snapshot. Driven here through the storage calls
/// Orleans makes for one transfer (prepare at each wallet, commit record at the manager, confirmation at each
/// wallet, collection), the books balance at every step, where a sum of committed balances alone does not.
/// </summary>
public sealed class LedgerBooksTests
{
    private const string Service = "svc";

    [Fact]
    public async Task A_transfer_under_way_is_counted_on_both_sides_or_on_neither_at_every_step_of_its_commit()
    {
        await using var database = await PostgresServer.MigratedDataSource();
        await using var rows = new GroupCommit(database, Options.Create(new StorageOptions()));
        var books = new LedgerBooks(database, Options.Create(new ClusterOptions { ServiceId = Service }));
        var card = new Row<ClearingBook>(rows, "clearing/card_CNY");
        var payer = new Row<WalletBook>(rows, "wallet/wal_payer");
        var payee = new Row<WalletBook>(rows, "wallet/wal_payee");
        var manager = new Row<EventfulRecord>(rows, "transfer/mov_1");

        // A top-up of 1,000 committed at once (the card's clearing account and the payer are both confirmed).
        var topUp = Guid.NewGuid();
        await card.Prepare(topUp, 1, new ClearingBook { Balance = -1000, Currency = "CNY" }, commit: true);
        await payer.Prepare(topUp, 1, Wallet(1000), commit: true);
        await AssertBalanced(books, wallets: 1000);

        // The transfer of 300, prepared at both wallets: not committed anywhere, so counted nowhere.
        var transfer = Guid.NewGuid();
        await payer.Prepare(transfer, 2, Wallet(700));
        await payee.Prepare(transfer, 1, Wallet(300));
        await AssertBalanced(books, wallets: 1000);

        // The manager's commit record: from now on the prepared amounts count, confirmed or not.
        await manager.Prepare(transfer, 1, new EventfulRecord(), commit: true, commitRecord: transfer);
        await AssertBalanced(books, wallets: 1000);
        await payer.Confirm(2);
        Assert.Equal(-300, await CommittedOnly(database)); // the payer confirmed, the payee not yet: committed balances alone are short
        await AssertBalanced(books, wallets: 1000);
        await payee.Confirm(1);
        await manager.Collect();
        await AssertBalanced(books, wallets: 1000);
        Assert.Equal(0, await CommittedOnly(database));

        // A second transfer prepared and then aborted (no commit record was ever written): never counted.
        var aborted = Guid.NewGuid();
        await payer.Prepare(aborted, 3, Wallet(600));
        await payee.Prepare(aborted, 2, Wallet(400));
        await AssertBalanced(books, wallets: 1000);
        await payer.Abort(after: 2);
        await AssertBalanced(books, wallets: 1000);
        await payee.Abort(after: 1);
        var check = await AssertBalanced(books, wallets: 1000);
        Assert.Equal(2, check.WalletCount);
        Assert.Equal(-1000, check.Currencies["CNY"].Clearing);
    }

    /// <summary>
    /// A wallet restored after its silo died keeps a prepared debit whose manager never committed it (Orleans cancels it
    /// in memory; the cancel can share a storage batch with the next prepare, which then stores no abort), and the next
    /// transaction is prepared on the committed balance, not on the dead one. Seen under a silo crash as the books off by
    /// the dead debit (+25) for a moment: a committed prepared amount is the row's money as it stands, not a step from the one below.
    /// </summary>
    [Fact]
    public async Task A_dead_prepared_debit_left_in_a_restored_row_is_not_counted_under_the_next_committed_transaction()
    {
        await using var database = await PostgresServer.MigratedDataSource();
        await using var rows = new GroupCommit(database, Options.Create(new StorageOptions()));
        var books = new LedgerBooks(database, Options.Create(new ClusterOptions { ServiceId = Service }));
        var card = new Row<ClearingBook>(rows, "clearing/card_CNY");
        var wallet = new Row<WalletBook>(rows, "wallet/wal_restored");
        var manager = new Row<EventfulRecord>(rows, "topup/mov_2");
        await card.Prepare(Guid.NewGuid(), 1, new ClearingBook { Balance = -1000, Currency = "CNY" }, commit: true);
        await wallet.Prepare(Guid.NewGuid(), 1, Wallet(1000), commit: true);

        await wallet.Prepare(Guid.NewGuid(), 2, Wallet(975)); // a debit of 25 whose manager died: never committed, never removed
        var topUp = Guid.NewGuid();
        await card.Prepare(topUp, 2, new ClearingBook { Balance = -1010, Currency = "CNY" });
        await wallet.Prepare(topUp, 3, Wallet(1010)); // built on the committed 1,000, not on the dead 975
        await AssertBalanced(books, wallets: 1000);
        await manager.Prepare(topUp, 1, new EventfulRecord(), commit: true, commitRecord: topUp);

        await AssertBalanced(books, wallets: 1010);
        await wallet.Confirm(3);
        await card.Confirm(2);
        await AssertBalanced(books, wallets: 1010);
    }

    [Fact]
    public async Task A_wallet_below_zero_or_money_of_no_currency_is_reported()
    {
        await using var database = await PostgresServer.MigratedDataSource();
        await using var rows = new GroupCommit(database, Options.Create(new StorageOptions()));
        var books = new LedgerBooks(database, Options.Create(new ClusterOptions { ServiceId = Service }));
        await new Row<WalletBook>(rows, "wallet/wal_short").Prepare(Guid.NewGuid(), 1, Wallet(-5), commit: true);
        await new Row<ClearingBook>(rows, "clearing/card_CNY").Prepare(Guid.NewGuid(), 1, new ClearingBook { Balance = 5, Currency = "CNY" }, commit: true);

        var check = await books.Check();
        Assert.True(check.Balanced); // the sum is right...
        Assert.Equal(1, check.NegativeWallets); // ...but one wallet holds less than nothing

        await new Row<WalletBook>(rows, "wallet/wal_nowhere").Prepare(Guid.NewGuid(), 1, new WalletBook { Balance = 7 }, commit: true);
        Assert.False((await books.Check()).Balanced);
    }

    private static WalletBook Wallet(long balance) => new() { Balance = balance, Currency = "CNY" };

    private static async Task<LedgerCheck> AssertBalanced(LedgerBooks books, long wallets)
    {
        var check = await books.Check();
        Assert.True(check.Balanced, $"the books must sum to zero: wallets {check.Wallets}, clearing {check.Clearing}");
        Assert.Equal(wallets, check.Wallets);
        Assert.Equal(0, check.NegativeWallets);
        return check;
    }

    /// <summary>What a check that read committed balances only would sum.</summary>
    private static async Task<long> CommittedOnly(NpgsqlDataSource database)
    {
        await using var command = database.CreateCommand("SELECT coalesce(sum(committed_money), 0)::bigint FROM wallet_transactional_state WHERE ledger_side IS NOT NULL");
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>One transactional state row, stored as Orleans' transaction protocol stores it.</summary>
    private sealed class Row<TState>(GroupCommit rows, string grainId) where TState : class, new()
    {
        private readonly GroupCommitStateStorage<TState> _storage = new(new StateKey(Service, grainId, "state"), rows, s_serializer);
        private readonly TransactionalStateMetaData _metadata = new();
        private string? _etag;

        /// <summary>Prepares <paramref name="state"/> as sequence <paramref name="sequence"/>; a manager's commit stores its commit record and commits at once.</summary>
        public async Task Prepare(Guid transaction, long sequence, TState state, bool commit = false, Guid? commitRecord = null)
        {
            await Loaded();
            if (commitRecord is { } committed)
            {
                _metadata.CommitRecords[committed] = new CommitRecord { Timestamp = DateTime.UtcNow, WriteParticipants = [] };
            }
            var prepared = new PendingTransactionState<TState> { SequenceId = sequence, TransactionId = transaction.ToString(), TimeStamp = DateTime.UtcNow, State = state };
            _etag = await _storage.Store(_etag, _metadata, [prepared], commit ? sequence : null, null);
        }

        public async Task Confirm(long sequence) => _etag = await _storage.Store(_etag, _metadata, null, sequence, null);

        public async Task Abort(long after) => _etag = await _storage.Store(_etag, _metadata, null, null, after);

        /// <summary>Every participant confirmed: the manager drops its commit records.</summary>
        public async Task Collect()
        {
            _metadata.CommitRecords.Clear();
            _etag = await _storage.Store(_etag, _metadata, null, null, null);
        }

        private async Task Loaded()
        {
            if (_etag is null)
            {
                _etag = (await _storage.Load()).ETag;
            }
        }
    }

    private static readonly Serializer s_serializer = Host.CreateApplicationBuilder().UseOrleansClient(c => c.UseLocalhostClustering()).Build()
        .Services.GetRequiredService<Serializer>();
}
