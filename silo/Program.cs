using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Serilog;
using Wallet.Hosting;
using Wallet.Storage;

// A silo process. `migrate` applies the database migrations and exits; otherwise the silo runs
// until stopped, joining the cluster its configuration names.
// Settings ship beside the binary: started from any directory, the silo reads its own appsettings.json.
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.Services.AddSerilog((services, logger) => logger
    .ReadFrom.Configuration(builder.Configuration)
    .Enrich.FromLogContext()
    .WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj}{NewLine}{Exception}"));
var migrateOnly = args.Contains("migrate");
try
{
    // What a silo refuses is said once, plainly, before anything starts: an operator's mistake, not a crash.
    ProductionRules.RequireDurableStorage(builder.Configuration, builder.Environment);
    if (!migrateOnly)
    {
        DeploymentKeys.Require("A silo process", DeploymentKeys.MissingForSilo(builder.Configuration));
        ProductionRules.RequireSimulatorsOnlyInDevelopment(builder.Configuration, builder.Environment, "A silo process");
    }
}
catch (InvalidOperationException refused)
{
    await Console.Error.WriteLineAsync($"Wallet.Silo did not start: {refused.Message}");
    return 2;
}

if (migrateOnly)
{
    builder.Services.AddSingleton(WalletDatabase.Open(builder.Configuration));
    builder.Services.AddSingleton<SchemaMigrator>();
    using var tool = builder.Build();
    await tool.Services.GetRequiredService<SchemaMigrator>().Migrate();
    return 0;
}

builder.UseOrleans(silo => silo
    .UseWalletClustering(builder.Configuration)
    .AddWallet(builder.Configuration, builder.Environment));
await builder.Build().RunAsync();
return 0;
