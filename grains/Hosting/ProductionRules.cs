using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Wallet.Storage;

namespace Wallet.Hosting;

/// <summary>What the Production environment refuses: state that would vanish on exit.</summary>
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
}
