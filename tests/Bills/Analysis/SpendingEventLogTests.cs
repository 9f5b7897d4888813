using Orleans.TestingHost;
using Wallet.Bills;
using Wallet.Bills.Analysis;
using Wallet.Events;
using Wallet.Identity;
using Wallet.Tests.Infrastructure;
using Wallet.Wallets;

namespace Wallet.Tests.Bills.Analysis;

/// <summary>
/// On PostgreSQL the event log's readers deliver the customers' events to the spending analysis beside the risk
/// monitor: a real transfer is counted, an event in the log twice is counted once, and the read model is still there,
/// and fed, after the whole cluster restarts.
/// </summary>
[Collection(TopologyCollection.Name)]
public sealed class SpendingEventLogTests
{
    [Trait("Speed", "Slow")]
    [Fact]
    public async Task The_logs_readers_feed_the_analysis_once_per_event_and_it_carries_on_after_a_restart()
    {
        var settings = PostgresServer.Settings(await PostgresServer.CreateDatabase());
        settings["Wallet:Events:WakeReadersEvery"] = "00:00:01";
        var serviceId = "spending-" + Guid.NewGuid().ToString("N")[..8];
        var customer = "cus_" + Guid.NewGuid().ToString("N");
        var november = new SpendingMonth(2026, 11);
        var lunch = Paid(customer, 3_000, SpendingCategory.Dining);

        await using (var before = await PostgresCluster.Start(settings, silos: 2, serviceId: serviceId))
        {
            // A real transfer, its event written with the movement's record and read back from the log.
            var bank = new Scenario(before.Client);
            var (alice, wallet) = await bank.FundedCustomer(10_000);
            var bob = await bank.NewCustomer();
            var sent = await bank.Transfer(alice, wallet, await bank.OpenWallet(bob), 2_500);
            var month = SpendingMonth.Of(DateOnly.FromDateTime(sent.CreatedAt.ToOffset(TimeSpan.FromHours(8)).DateTime));
            await Eventually.Until(async () => (await Month(before, alice.Id, month).GetSpending("CNY")).Total == 2_500, "the transfer counted from the log");
            Assert.Equal(SpendingCategory.Transfers, Assert.Single((await Month(before, alice.Id, month).GetSpending("CNY")).Categories).Category);

            // The same event in the log twice (a republication), another after it: each counted once.
            var sender = before.Client.GetGrain<IWalletEventSender>(customer);
            await sender.Send(lunch);
            await sender.Send(lunch);
            await sender.Send(Paid(customer, 1_200, SpendingCategory.Transport));
            await Eventually.Until(async () => (await Month(before, customer, november).GetSpending("CNY")).Total == 4_200, "both payments counted");
            // One more written to the log as the cluster stops, not waited for: counted before the stop or after the restart, never lost.
            await sender.Send(Paid(customer, 700, SpendingCategory.Groceries));
            await before.StopAllSilosAsync();
        }

        await using var after = await PostgresCluster.Start(settings, silos: 2, serviceId: serviceId);
        var counted = Month(after, customer, november);
        await Eventually.Until(async () => (await counted.GetSpending("CNY")).Total == 4_900, "the payment written as the cluster stopped counted");
        await after.Client.GetGrain<IWalletEventSender>(customer).Send(lunch);
        await after.Client.GetGrain<IWalletEventSender>(customer).Send(Paid(customer, 800, SpendingCategory.Dining));
        await Eventually.Until(async () => (await counted.GetSpending("CNY")).Total == 5_700, "the payment after the restart counted, the old one not again");
        Assert.Equal(4, (await counted.GetCounted()).Count);
    }

    private static ISpendingMonthGrain Month(InProcessTestCluster cluster, string customerId, SpendingMonth month)
        => cluster.Client.GetGrain<ISpendingMonthGrain>(month.KeyFor(customerId));

    private static MoneyMoved Paid(string customerId, long amount, SpendingCategory category)
        => new(Ids.New("evt"), customerId, new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.FromHours(8)), Ids.New("py"), MovementKind.Payment, EntryDirection.Out,
            amount, "CNY", "wal_x", "wal_shop", null, "mch_shop", category);
}
