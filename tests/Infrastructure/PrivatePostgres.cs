using System.Diagnostics;

namespace Wallet.Tests.Infrastructure;

/// <summary>
/// A PostgreSQL server of a test's own (the binaries tests/run.sh found), for tests that stop and
/// start the database, which the shared server cannot suffer.
/// </summary>
public sealed class PrivatePostgres : IAsyncDisposable
{
    private readonly string _bin;
    private readonly string _directory;
    private readonly int _port;

    private PrivatePostgres(string bin, string directory, int port) => (_bin, _directory, _port) = (bin, directory, port);

    public string ConnectionString => $"Host=127.0.0.1;Port={_port};Username=postgres;Database=postgres;Maximum Pool Size=20;Timeout=3;Command Timeout=5";

    public static async Task<PrivatePostgres> Start()
    {
        var bin = Environment.GetEnvironmentVariable("WALLET_TEST_PG_BIN")
            ?? throw new InvalidOperationException("WALLET_TEST_PG_BIN is not set: run the suite with ./tests/run.sh.");
        var directory = Directory.CreateTempSubdirectory("wallet-pg-private.").FullName;
        var server = new PrivatePostgres(bin, directory, FreePorts.Next());
        await Run("chmod", "755", directory);
        if (IsRoot)
        {
            await Run("chown", "postgres:", directory);
        }
        await server.AsPostgres("initdb", "-D", server.Data, "-A", "trust", "-U", "postgres", "--no-sync");
        await server.StartServer();
        return server;
    }

    public Task StartServer()
        => AsPostgres("pg_ctl", "-D", Data, "-l", Path.Combine(_directory, "server.log"), "-w", "-t", "60",
            "-o", $"-c listen_addresses=127.0.0.1 -p {_port} -k {_directory} -c max_connections=200", "start");

    /// <summary>Stops at once, as a crash or a pulled cable would: connections drop mid-statement.</summary>
    public Task StopServer() => AsPostgres("pg_ctl", "-D", Data, "-m", "immediate", "-w", "stop");

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopServer();
        }
        catch (InvalidOperationException)
        {
            // Already stopped by the test.
        }
        Directory.Delete(_directory, recursive: true);
    }

    private string Data => Path.Combine(_directory, "data");

    private static bool IsRoot => Environment.UserName == "root";

    private Task AsPostgres(string tool, params string[] arguments)
        => IsRoot ? Run("runuser", ["-u", "postgres", "--", Path.Combine(_bin, tool), .. arguments]) : Run(Path.Combine(_bin, tool), arguments);

    private static async Task Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await output} {await error}");
        }
    }
}
