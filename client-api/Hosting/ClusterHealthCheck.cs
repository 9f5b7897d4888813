using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Wallet.ClientApi.Hosting;

/// <summary>Ready when the cluster answers and has at least one active silo.</summary>
public sealed class ClusterHealthCheck(IGrainFactory grains) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var hosts = await grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true).WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
            return hosts.Count > 0 ? HealthCheckResult.Healthy($"{hosts.Count} silo(s) active") : HealthCheckResult.Unhealthy("no active silo");
        }
        catch (Exception exception) when (exception is TimeoutException or OrleansException)
        {
            return HealthCheckResult.Unhealthy("the cluster did not answer", exception);
        }
    }
}
