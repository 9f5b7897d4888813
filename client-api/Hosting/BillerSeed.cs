using Wallet.Simulators;
using Wallet.Utilities;

namespace Wallet.ClientApi.Hosting;

/// <summary>
/// Gives the embedded mode its billers (<see cref="SeededBillers"/>), whose companies the simulator plays, so a
/// newcomer can pay a bill at once. Not in production, where operators add the billers the bank has contracts with.
/// </summary>
public sealed class BillerSeed(IGrainFactory grains, IConfiguration configuration) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (ClusterSetup.IsProduction(configuration) || configuration.GetSection(SimulatorOptions.Section).Get<SimulatorOptions>()?.Enabled != true)
        {
            return;
        }
        foreach (var biller in SeededBillers.All)
        {
            if (await grains.GetGrain<IBillerGrain>(biller.BillerId).GetProfile() is null)
            {
                await grains.GetGrain<IBillerGrain>(biller.BillerId).Publish(biller);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
