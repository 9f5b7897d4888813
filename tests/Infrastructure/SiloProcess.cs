using System.Diagnostics;
using Npgsql;

namespace Wallet.Tests.Infrastructure;

/// <summary>A real silo process (silo/ as built beside the tests), for tests that kill one by signal.</summary>
public sealed class SiloProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _log;

    private SiloProcess(Process process, string log) => (_process, _log) = (process, log);

    /// <summary>
    /// A silo in <paramref name="environment"/>: Development by default, the one environment (besides the API's
    /// embedded mode) where the simulators may run. Any other setting of the simulators' switch than the
    /// one the silo's own appsettings give for that environment comes from <paramref name="simulators"/>.
    /// </summary>
    public static SiloProcess Start(IReadOnlyDictionary<string, string?> settings, string environment = "Development", bool? simulators = null, params string[] arguments)
    {
        var log = Path.GetTempFileName();
        var (root, assembly) = (Repository.Root, Repository.Built("silo", "Wallet.Silo.dll"));
        var start = new ProcessStartInfo("dotnet", [assembly, .. arguments])
        {
            // Started from the repository's root as the README does, so the silo must find its own appsettings.json.
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["DOTNET_ENVIRONMENT"] = environment, ["Wallet__Silo__SiloPort"] = FreePorts.NextText(), ["Wallet__Silo__GatewayPort"] = FreePorts.NextText() },
        };
        // The simulators' switch comes from the silo's appsettings.Development.json, as it does for a user.
        foreach (var (key, value) in settings.Where(setting => setting.Key != "Wallet:Simulators:Enabled"))
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }
        if (simulators is { } enabled)
        {
            start.Environment["Wallet__Simulators__Enabled"] = enabled ? "true" : "false";
        }
        var process = Process.Start(start)!;
        var writer = new StreamWriter(log) { AutoFlush = true };
        process.OutputDataReceived += (_, line) => { lock (writer) { writer.WriteLine(line.Data); } };
        process.ErrorDataReceived += (_, line) => { lock (writer) { writer.WriteLine(line.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new SiloProcess(process, log);
    }

    /// <summary>Waits (bounded) for a process expected to end by itself — a refused start, <c>migrate</c> — and returns its exit code.</summary>
    public async Task<int> Exited()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await _process.WaitForExitAsync(timeout.Token);
        return _process.ExitCode;
    }

    /// <summary>SIGKILL: no shutdown, no goodbye to the cluster, as a power cut would do it.</summary>
    public void Kill() => _process.Kill(entireProcessTree: true);

    /// <summary>
    /// Stops the process (SIGSTOP) for <paramref name="stall"/>, then lets it run on (SIGCONT): to the rest of the
    /// cluster it looks like a long GC pause or a starved machine — connections open, nothing answered. The
    /// stall's length is what the test sets up, not a wait for something to happen.
    /// </summary>
    public async Task Stall(TimeSpan stall)
    {
        await Signal("STOP");
        try
        {
            await Task.Delay(stall);
        }
        finally
        {
            await Signal("CONT");
        }
    }

    private async Task Signal(string signal)
    {
        using var kill = Process.Start("kill", [$"-{signal}", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!;
        await kill.WaitForExitAsync();
        Assert.Equal(0, kill.ExitCode);
    }

    public bool HasExited => _process.HasExited;

    public string Log => File.ReadAllText(_log);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        await _process.WaitForExitAsync();
        _process.Dispose();
        File.Delete(_log);
    }

    /// <summary>How many silos of the cluster the membership table lists as active, and how many as dead.</summary>
    public static async Task<(long Active, long Dead)> Members(IReadOnlyDictionary<string, string?> settings)
    {
        await using var connection = new NpgsqlConnection(settings["ConnectionStrings:Wallet"]);
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand("SELECT count(*) FILTER (WHERE status = 3), count(*) FILTER (WHERE status = 6) FROM orleans_membership WHERE deployment_id = $1", connection)
        {
            Parameters = { new() { Value = settings["Wallet:Cluster:ClusterId"] } },
        };
        await using var row = await query.ExecuteReaderAsync();
        await row.ReadAsync();
        return (row.GetInt64(0), row.GetInt64(1));
    }

    /// <summary>Waits (bounded) until the membership table lists <paramref name="count"/> active silos.</summary>
    public static async Task UntilActive(IReadOnlyDictionary<string, string?> settings, int count, SiloProcess newest)
    {
        await using var connection = new NpgsqlConnection(settings["ConnectionStrings:Wallet"]);
        await connection.OpenAsync();
        await Eventually.Until(async () =>
        {
            Assert.False(newest._process.HasExited, $"the silo process exited: {newest.Log}");
            try
            {
                await using var query = new NpgsqlCommand("SELECT count(*) FROM orleans_membership WHERE status = 3 AND deployment_id = $1", connection)
                {
                    Parameters = { new() { Value = settings["Wallet:Cluster:ClusterId"] } },
                };
                return (long)(await query.ExecuteScalarAsync())! >= count;
            }
            catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.UndefinedTable)
            {
                return false;
            }
        }, $"{count} active silos", lastSeen: () => newest.Log);
    }
}
