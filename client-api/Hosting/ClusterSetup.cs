using Orleans.Dashboard;
using Wallet.Hosting;

namespace Wallet.ClientApi.Hosting;

/// <summary>
/// How the API reaches the cluster (<c>Wallet:Mode</c>): <c>embedded</c> (the default) hosts one silo
/// in this process; <c>production</c> is a client of silos found through the PostgreSQL membership table.
/// </summary>
public static class ClusterSetup
{
    public static bool IsProduction(IConfiguration configuration)
        => string.Equals(configuration["Wallet:Mode"], "production", StringComparison.OrdinalIgnoreCase);

    public static WebApplicationBuilder AddWalletCluster(this WebApplicationBuilder builder)
    {
        if (IsProduction(builder.Configuration))
        {
            ProductionRules.RequireDurableStorage(builder.Configuration, builder.Environment);
            ProductionRules.RequireSimulatorsOnlyInDevelopment(builder.Configuration, builder.Environment, "Production mode");
            builder.UseOrleansClient(client => client.UseWalletCluster(builder.Configuration).AddDashboard(ClusterDashboard.Configure));
        }
        else
        {
            EmbeddedDefaults.Apply(builder.Configuration);
            builder.UseOrleans(silo => silo
                .UseWalletClustering(builder.Configuration)
                .AddWallet(builder.Configuration, builder.Environment)
                .AddDashboard(ClusterDashboard.Configure));
            builder.Services.AddHostedService<MadeUpKeysNotice>();
        }
        builder.Services.AddHostedService<OperatorSeed>();
        builder.Services.AddHostedService<BillerSeed>();
        builder.Services.AddHostedService<SecurityFundSeed>();
        return builder;
    }
}
