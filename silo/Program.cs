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
    .Filter.DropWatchdogStartRace()
    .WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj}{NewLine}{Exception}"));
ProductionRules.RequireDurableStorage(builder.Configuration, builder.Environment);

if (args.Contains("migrate"))
{
    builder.Services.AddSingleton(WalletDatabase.Open(builder.Configuration));
    builder.Services.AddSingleton<SchemaMigrator>();
    using var tool = builder.Build();
    await tool.Services.GetRequiredService<SchemaMigrator>().Migrate();
    return;
}

builder.UseOrleans(silo => silo
    .UseWalletClustering(builder.Configuration)
    .AddWallet(builder.Configuration, builder.Environment));
await builder.Build().RunAsync();
