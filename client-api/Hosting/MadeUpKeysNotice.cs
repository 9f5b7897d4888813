using Wallet.Hosting;

namespace Wallet.ClientApi.Hosting;

/// <summary>Says once, at start, which of the silo's keys the embedded mode made up (what they seal dies with the process).</summary>
public sealed partial class MadeUpKeysNotice(IConfiguration configuration, ILogger<MadeUpKeysNotice> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var missing = DeploymentKeys.MissingForSilo(configuration);
        if (missing.Count > 0)
        {
            LogMadeUp(logger, string.Join("; ", missing));
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Embedded mode made up keys at start for what is not configured ({Missing}): card numbers, merchants' secrets and the identity directory sealed with them die with this process")]
    private static partial void LogMadeUp(ILogger logger, string missing);
}
