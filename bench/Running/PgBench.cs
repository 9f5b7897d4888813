using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Wallet.Bench.Running;

/// <summary>PostgreSQL's own pgbench, tpcb-like, on the same server: what the server does with no application in front.</summary>
public static partial class PgBench
{
    public sealed record Outcome(int Clients, double Tps, double LatencyAverageMs);

    public static async Task<Outcome?> Run(string bin, string host, string port, string database, int clients, TimeSpan duration)
    {
        var pgbench = Path.Combine(bin, "pgbench");
        if (!File.Exists(pgbench))
        {
            return null;
        }
        string[] connection = ["-h", host, "-p", port, "-U", "postgres"];
        await Exec(pgbench, [.. connection, "-i", "-q", "-s", "10", database]);
        var output = await Exec(pgbench, [.. connection, "-b", "tpcb-like", "-c", $"{clients}", "-j", "2", "-T", $"{(int)duration.TotalSeconds}", database]);
        var tps = Tps().Match(output);
        var latency = Latency().Match(output);
        return tps.Success ? new Outcome(clients, double.Parse(tps.Groups[1].Value, CultureInfo.InvariantCulture),
            latency.Success ? double.Parse(latency.Groups[1].Value, CultureInfo.InvariantCulture) : 0) : null;
    }

    private static async Task<string> Exec(string file, string[] args)
    {
        var start = new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return await output + await error;
    }

    [GeneratedRegex(@"tps = ([0-9.]+)")]
    private static partial Regex Tps();

    [GeneratedRegex(@"latency average = ([0-9.]+) ms")]
    private static partial Regex Latency();
}
