using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Wallet.Simulators;
using Wallet.Storage;

namespace Wallet.Hosting;

/// <summary>What a deployment refuses at start: state that would vanish on exit, and simulators where strangers can reach them.</summary>
public static class ProductionRules
{
    public static void RequireDurableStorage(IConfiguration configuration, IHostEnvironment environment)
    {
        var storage = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        if (environment.IsProduction() && !storage.IsPostgres)
        {
            throw new InvalidOperationException("The Production environment refuses in-memory storage: set Wallet:Storage:Provider=postgres and ConnectionStrings:Wallet.");
        }
    }

    /// <summary>
    /// Simulators (and their <c>/v1/dev/*</c> endpoints, which answer anyone with the codes texted to any
    /// phone) run only in the embedded mode or the Development environment; <paramref name="who"/> is
    /// a silo process or a production-mode API, which refuse them anywhere else.
    /// </summary>
    public static void RequireSimulatorsOnlyInDevelopment(IConfiguration configuration, IHostEnvironment environment, string who)
    {
        var simulators = configuration.GetSection(SimulatorOptions.Section).Get<SimulatorOptions>() ?? new SimulatorOptions();
        if (simulators.Enabled && !environment.IsDevelopment())
        {
            throw new InvalidOperationException(
                $"{who} refuses {SimulatorOptions.Section}:Enabled=true in the {environment.EnvironmentName} environment: the simulators' " +
                "/v1/dev endpoints show anyone who reaches the API the codes texted to any phone, and the simulated bank moves no real money. " +
                $"Simulators run only in the API's embedded mode or the Development environment (a rehearsal never exposed); set {SimulatorOptions.Section}:Enabled=false.");
        }
    }
}
