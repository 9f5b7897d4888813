using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Serilog;
using Wallet.Hosting;

// A silo process on its own. Until the production topology lands (PostgreSQL clustering and
// storage), it runs a localhost cluster with in-memory state, ports from configuration.
var builder = Host.CreateApplicationBuilder(args);
builder.Services.AddSerilog((services, logger) => logger
    .ReadFrom.Configuration(builder.Configuration)
    .Enrich.FromLogContext()
    .WriteTo.Console());
var ports = builder.Configuration.GetSection("Wallet:Silo");
builder.UseOrleans(silo => silo
    .UseLocalhostClustering(ports.GetValue("SiloPort", 11111), ports.GetValue("GatewayPort", 30000))
    .AddWallet(builder.Configuration));
await builder.Build().RunAsync();
