using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Serilog;
using Orleans.Dashboard;
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
    .Filter.With(new StorageFailureLogThrottle()) // an outage: one line per kind of failure per 10 s, not thousands of stack traces
    .WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj}{Suppressed:l}{NewLine}{Exception}"));
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

try
{
    if (migrateOnly)
    {
        builder.Services.AddSingleton(WalletDatabase.Open(builder.Configuration));
        builder.Services.AddSingleton<SchemaMigrator>();
        using var tool = builder.Build();
        await tool.Services.GetRequiredService<SchemaMigrator>().Migrate();
        return 0;
    }

    // The Orleans dashboard's part in each silo (its statistics); the API host serves its pages to operators.
    builder.UseOrleans(silo => silo
        .UseWalletClustering(builder.Configuration)
        .AddWallet(builder.Configuration, builder.Environment)
        .AddDashboard(options => options.HideTrace = true));
    await builder.Build().RunAsync();
    return 0;
}
catch (Exception failed) when (Refusal(failed) is { } refused)
{
    // A setup the operator must change (a grant, a taken port), said once without a stack trace.
    await Console.Error.WriteLineAsync($"Wallet.Silo stopped: {refused.Message}");
    return 3;
}

static Exception? Refusal(Exception? failed)
{
    for (; failed is not null; failed = failed.InnerException)
    {
        if (failed is SchemaPermissionDeniedException or SiloPortTakenException)
        {
            return failed;
        }
    }
    return null;
}
