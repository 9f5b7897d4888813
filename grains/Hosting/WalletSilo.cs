using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Wallet.Banking;
using Wallet.Credentials;
using Wallet.Simulators;
using Wallet.Sms;

namespace Wallet.Hosting;

/// <summary>
/// The one place a silo is wired: used by the silo process, by the embedded mode of the API and by
/// the test cluster, so the three cannot drift apart.
/// </summary>
public static class WalletSilo
{
    public static ISiloBuilder AddWallet(this ISiloBuilder silo, IConfiguration configuration)
    {
        silo.UseTransactions();
        silo.AddMemoryGrainStorage(StorageNames.Wallet);
        silo.Services.AddWalletServices(configuration);
        return silo;
    }

    public static IServiceCollection AddWalletServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.Configure<CredentialOptions>(configuration.GetSection(CredentialOptions.Section));
        services.AddSingleton<SecretHasher>();

        var simulators = configuration.GetSection(SimulatorOptions.Section).Get<SimulatorOptions>() ?? new SimulatorOptions();
        if (!simulators.Enabled)
        {
            // There is no real bank or SMS integration yet; refusing to start beats failing the first customer.
            throw new InvalidOperationException(
                $"{SimulatorOptions.Section}:Enabled is false and no card-issuing bank or SMS gateway is configured.");
        }
        services.AddSingleton<ICardIssuingBank, SimulatedCardIssuingBank>();
        services.AddSingleton<ISmsGateway, SimulatedSmsGateway>();
        return services;
    }
}
