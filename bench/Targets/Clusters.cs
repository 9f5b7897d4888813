using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Wallet.Hosting;

namespace Wallet.Bench.Targets;

/// <summary>Starts the clusters the bench measures, wired exactly as the product wires them.</summary>
public static class Clusters
{
    /// <summary>The embedded mode's cluster: one silo in this process, in-memory state.</summary>
    public static async Task<IBenchTarget> Memory(IReadOnlyDictionary<string, string?> settings) => await MemoryBank(settings);

    /// <summary>The embedded mode's cluster with its wallets moved by bare transactions of <paramref name="perTransaction"/> transfers each.</summary>
    public static async Task<IBenchTarget> Bare(IReadOnlyDictionary<string, string?> settings, int perTransaction, int clients)
    {
        var bank = await MemoryBank(settings);
        return new TransactionProbe(bank, bank.Grains, perTransaction, clients);
    }

    private static async Task<GrainBank> MemoryBank(IReadOnlyDictionary<string, string?> settings)
    {
        var host = Host.CreateApplicationBuilder();
        host.Configuration.AddInMemoryCollection(settings);
        host.Configuration["Wallet:Telemetry:MetricsUrl"] = "http://127.0.0.1:0"; // metrics collected as deployed (any free port: nobody scrapes)
        host.Logging.SetMinimumLevel(LogLevel.Error);
        host.UseOrleans(silo => silo.UseWalletClustering(host.Configuration).AddWallet(host.Configuration));
        var app = host.Build();
        await app.StartAsync();
        return new GrainBank("memory", app.Services.GetRequiredService<IGrainFactory>(), async () => { await app.StopAsync(); app.Dispose(); }, checkUnderLoad: false);
    }

    /// <summary>
    /// Silos as processes on PostgreSQL (the production shape), and this process as their client.
    /// </summary>
    public static async Task<IBenchTarget> Postgres(IReadOnlyDictionary<string, string?> settings, string connectionString, int silos)
    {
        var all = new Dictionary<string, string?>(settings)
        {
            ["Wallet:Storage:Provider"] = "postgres",
            ["ConnectionStrings:Wallet"] = connectionString,
            ["Wallet:Cluster:ClusterId"] = "bench",
            ["Wallet:Cluster:ServiceId"] = "bench",
        };
        var processes = new List<Process>();
        for (var i = 0; i < silos; i++)
        {
            processes.Add(StartSilo(all, 21111 + i, 31000 + i));
            if (i == 0)
            {
                await UntilActive(connectionString, 1, processes); // the first one migrates the schema alone
            }
        }
        await UntilActive(connectionString, silos, processes);

        var host = Host.CreateApplicationBuilder();
        host.Configuration.AddInMemoryCollection(all);
        host.Logging.SetMinimumLevel(LogLevel.Error);
        host.UseOrleansClient(client => client.UseWalletCluster(host.Configuration));
        var app = host.Build();
        await app.StartAsync();
        return new GrainBank($"postgres-{silos}-silos", app.Services.GetRequiredService<IGrainFactory>(), async () =>
        {
            await app.StopAsync();
            app.Dispose();
            foreach (var process in processes)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }, checkUnderLoad: true, processes.Select(p => p.Id).ToList());
    }

    private static Process StartSilo(Dictionary<string, string?> settings, int siloPort, int gatewayPort)
    {
        var assembly = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "silo", "bin", "Release", "net10.0", "Wallet.Silo.dll");
        var start = new ProcessStartInfo("dotnet", [Path.GetFullPath(assembly)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            // Development: the one environment where a silo process runs the simulators the bench pays with.
            Environment = { ["DOTNET_ENVIRONMENT"] = "Development", ["Wallet__Silo__SiloPort"] = $"{siloPort}", ["Wallet__Silo__GatewayPort"] = $"{gatewayPort}" },
        };
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }
        var process = Process.Start(start)!;
        var log = new StreamWriter(Path.Combine(Path.GetTempPath(), $"wallet-bench-silo-{siloPort}.log")) { AutoFlush = true };
        process.OutputDataReceived += (_, line) => { lock (log) { log.WriteLine(line.Data); } };
        process.ErrorDataReceived += (_, line) => { if (line.Data is { Length: > 0 }) { Console.Error.WriteLine($"  silo {siloPort}: {line.Data}"); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task UntilActive(string connectionString, int count, List<Process> processes)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            if (processes.Any(p => p.HasExited) || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"the silos did not start ({count} wanted)");
            }
            try
            {
                await using var query = new NpgsqlCommand("SELECT count(*) FROM orleans_membership WHERE status = 3 AND deployment_id = 'bench'", connection);
                if ((long)(await query.ExecuteScalarAsync())! >= count)
                {
                    return;
                }
            }
            catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.UndefinedTable)
            {
            }
            await Task.Delay(250);
        }
    }
}
