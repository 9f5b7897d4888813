using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using Wallet.Hosting;

namespace Wallet.Tests.Infrastructure;

/// <summary>One in-process cluster of two silos, shared by a collection; tests keep apart by fresh keys.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.Client;

    public Scenario Scenario => new(Grains);

    public ITransactionClient Transactions => Cluster.Client.ServiceProvider.GetRequiredService<ITransactionClient>();

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(2);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddWallet(TestSettings.Configuration).AddIncomingGrainCallFilter<AbortInjection>();
            silo.Services.AddSingleton<Wallet.Events.IWalletEventPublisher, PublishFaults>();
        });
        builder.ConfigureClient(client => client.UseTransactions()); // tests may run a transaction of their own
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "two-silo cluster";
}
