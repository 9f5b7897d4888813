using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Wallet.ClientApi.Hosting;

/// <summary>Ready only when the wallet's PostgreSQL answers a trivial query (when state lives there).</summary>
public sealed class DatabaseHealthCheck(NpgsqlDataSource database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var command = database.CreateCommand("SELECT 1");
            await command.ExecuteScalarAsync(cancellationToken).WaitAsync(TimeSpan.FromSeconds(3), cancellationToken);
            return HealthCheckResult.Healthy("database answered");
        }
        catch (Exception exception) when (exception is NpgsqlException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("the database did not answer", exception);
        }
    }
}
