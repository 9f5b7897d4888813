using Microsoft.Extensions.Configuration;
using Orleans.Configuration;
using Wallet.Telemetry;

namespace Wallet.Hosting;

/// <summary>An Orleans client of a production cluster: gateways found through the PostgreSQL membership table.</summary>
public static class WalletClient
{
    public static IClientBuilder UseWalletCluster(this IClientBuilder client, IConfiguration configuration)
    {
        var cluster = ClusterSettings.From(configuration);
        if (!cluster.Postgres || string.IsNullOrWhiteSpace(cluster.ConnectionString))
        {
            throw new InvalidOperationException("A cluster client needs Wallet:Storage:Provider=postgres and ConnectionStrings:Wallet to find the gateways.");
        }
        client.Configure<ClusterOptions>(options =>
        {
            options.ClusterId = cluster.ClusterId;
            options.ServiceId = cluster.ServiceId;
        });
        client.UseAdoNetClustering(options =>
        {
            options.Invariant = "Npgsql";
            options.ConnectionString = cluster.ConnectionString;
        });
        // Fail over quickly: a call through a dead gateway is retried elsewhere instead of hanging 30 s.
        client.Configure<ClientMessagingOptions>(options => options.ResponseTimeout = TimeSpan.FromSeconds(10));
        client.Configure<GatewayOptions>(options => options.GatewayListRefreshPeriod = TimeSpan.FromSeconds(5));
        client.AddWalletTelemetry(configuration); // metrics for Prometheus and traces, when Wallet:Telemetry asks for them
        return client;
    }
}
