using Wallet.Hosting;

namespace Wallet.ClientApi.Hosting;

/// <summary>The embedded default: one silo in this process on localhost, in-memory state, simulators on.</summary>
public static class EmbeddedSilo
{
    public static WebApplicationBuilder AddEmbeddedSilo(this WebApplicationBuilder builder)
    {
        var silo = builder.Configuration.GetSection("Wallet:Silo");
        builder.UseOrleans(orleans => orleans
            .UseLocalhostClustering(silo.GetValue("SiloPort", 11111), silo.GetValue("GatewayPort", 30000))
            .AddWallet(builder.Configuration));
        builder.Services.AddHostedService<OperatorSeed>();
        return builder;
    }
}
