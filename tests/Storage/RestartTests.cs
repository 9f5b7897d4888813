using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;
using Wallet.Customers;
using Wallet.Hosting;
using Wallet.Movements;
using Wallet.Tests.Infrastructure;
using Wallet.Wallets;

namespace Wallet.Tests.Storage;

/// <summary>A whole cluster stops and a new one starts on the same PostgreSQL database: nothing is lost or doubled.</summary>
[Collection(TopologyCollection.Name)]
public sealed class RestartTests
{
    [Trait("Speed", "Slow")]
    [Fact]
    public async Task Wallets_balances_cards_customers_and_idempotency_records_survive_a_full_cluster_restart()
    {
        var settings = PostgresServer.Settings(await PostgresServer.CreateDatabase());
        var serviceId = "restart-" + Guid.NewGuid().ToString("N")[..8];

        const int Payments = 150;
        TestCustomer alice, bob, shop;
        string aliceWallet, bobWallet, card, shopWallet;
        TransferReceipt transfer;
        await using (var before = await StartCluster(settings, serviceId))
        {
            var bank = new Scenario(before.Client);
            alice = await bank.NewCustomer();
            bob = await bank.NewCustomer();
            aliceWallet = await bank.OpenWallet(alice);
            bobWallet = await bank.OpenWallet(bob);
            card = await bank.BindVerifiedCard(alice);
            Assert.Equal(MovementStatus.Completed, (await bank.TopUp(alice, aliceWallet, card, 10_000)).Status);
            transfer = await bank.Transfer(alice, aliceWallet, bobWallet, 2_500, key: "before-restart");
            Assert.Equal(MovementStatus.Completed, transfer.Status);

            // A busy shop: enough payments for its statement to file pages (and, paid this fast, likely through tills).
            var (payer, payerWallet) = await bank.FundedCustomer(100_000);
            shop = await bank.NewCustomer();
            shopWallet = await bank.OpenWallet(shop);
            await Task.WhenAll(Enumerable.Range(1, Payments).Select(n => Scenario.AsAClientWould(() => bank.Transfer(payer, payerWallet, shopWallet, n, key: $"pay-{n}"))));
            await Eventually.Until(async () => (await bank.Entries(shop, shopWallet)).Count == Payments, "every payment in the shop's history");
            await Eventually.Until(async () => (await before.Client.GetGrain<IWalletBookkeepingGrain>(shopWallet).ReadUnfiled()).Count < WalletStatementGrain.PageSize,
                "the shop's full pages filed");
            await before.StopAllSilosAsync();
        }

        await using var after = await StartCluster(settings, serviceId);
        var again = new Scenario(after.Client);

        Assert.Equal(7_500, await again.Balance(alice, aliceWallet));
        Assert.Equal(2_500, await again.Balance(bob, bobWallet));
        Assert.Equal(transfer, await again.Transfer(alice, aliceWallet, bobWallet, 2_500, key: "before-restart"));
        Assert.Equal(2_500, await again.Balance(bob, bobWallet));
        Assert.NotNull((await after.Client.GetGrain<ICustomerAccessGrain>(alice.Id).SignIn(TestData.Password, null)).Session);
        Assert.Equal(alice.Id, await after.Client.GetGrain<IPhoneDirectoryGrain>(alice.Phone).FindCustomer());
        Assert.Equal(MovementStatus.Completed, (await again.TopUp(alice, aliceWallet, card, 500)).Status);
        Assert.Single(await again.Entries(bob, bobWallet));
        Assert.Equal(3, (await again.Entries(alice, aliceWallet)).Count);
        var shopHistory = await again.Entries(shop, shopWallet);
        Assert.Equal(Enumerable.Range(1, Payments).Reverse().Select(n => (long)n), shopHistory.Select(e => e.Sequence));
        Assert.Equal(Enumerable.Range(1, Payments).Sum(), await again.Balance(shop, shopWallet));
        await again.AssertBooksBalance();
    }

    private static async Task<InProcessTestCluster> StartCluster(Dictionary<string, string?> settings, string serviceId)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var builder = new InProcessTestClusterBuilder(2);
        builder.Options.ServiceId = serviceId;
        builder.Options.ClusterId = serviceId;
        builder.ConfigureSilo((_, silo) => silo.AddWallet(configuration));
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }
}
