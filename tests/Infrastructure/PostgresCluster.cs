using Microsoft.Extensions.Configuration;
using Orleans.Configuration;
using Orleans.TestingHost;
using Wallet.Hosting;

namespace Wallet.Tests.Infrastructure;

/// <summary>In-process silos on PostgreSQL, failure detection tuned as in production, a client that fails over in 10 s.</summary>
public static class PostgresCluster
{
    /// <summary>Starts <paramref name="silos"/> silos with <paramref name="settings"/>; the same <paramref name="serviceId"/> (it keys grain state and reminders) restarts the same service.</summary>
    public static async Task<InProcessTestCluster> Start(IReadOnlyDictionary<string, string?> settings, int silos = 3, string? serviceId = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var builder = new InProcessTestClusterBuilder((short)silos);
        builder.Options.ServiceId = serviceId ?? builder.Options.ServiceId;
        builder.ConfigureSilo((_, silo) => silo.AddWallet(configuration).Configure<ClusterMembershipOptions>(FailureDetection.Tune));
        builder.ConfigureClient(client => client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(10)));
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }
}
