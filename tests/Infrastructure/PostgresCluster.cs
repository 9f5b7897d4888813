using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.TestingHost;
using Wallet.Hosting;

namespace Wallet.Tests.Infrastructure;

/// <summary>In-process silos on PostgreSQL, failure detection tuned as in production, a client that fails over in 10 s.</summary>
public static class PostgresCluster
{
    /// <summary>
    /// Starts <paramref name="silos"/> silos with <paramref name="settings"/>; the same <paramref name="serviceId"/> (it keys grain state and
    /// reminders) restarts the same service. <paramref name="bankClock"/>, when given, is the bank's clock on every silo (Orleans keeps the real one).
    /// </summary>
    public static async Task<InProcessTestCluster> Start(IReadOnlyDictionary<string, string?> settings, int silos = 3, string? serviceId = null, TimeProvider? bankClock = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var builder = new InProcessTestClusterBuilder((short)silos);
        builder.Options.ServiceId = serviceId ?? builder.Options.ServiceId;
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddWallet(configuration).Configure<ClusterMembershipOptions>(FailureDetection.Tune);
            if (bankClock is not null)
            {
                silo.Services.AddKeyedSingleton(WalletClock.Key, bankClock);
            }
        });
        builder.ConfigureClient(client => client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(10)));
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }
}
