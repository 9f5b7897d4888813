using System.Diagnostics;

namespace Wallet.Bench.Running;

/// <summary>CPU seconds used by this process, its helper processes and the PostgreSQL server, from /proc.</summary>
public sealed class Cpu(IReadOnlyList<int> helpers, int? postgres)
{
    private static readonly double TicksPerSecond = 100.0; // USER_HZ on Linux

    public (double Bench, double Helpers, double Postgres) Sample()
        => (Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds,
            helpers.Sum(pid => Seconds(pid)),
            postgres is { } server ? Seconds(server, reaped: true) + ChildrenOf(server).Sum(pid => Seconds(pid)) : 0);

    /// <summary>User + system time; with <paramref name="reaped"/>, also that of children that have ended (PostgreSQL's closed backends).</summary>
    private static double Seconds(int pid, bool reaped = false)
    {
        try
        {
            var fields = Fields(pid);
            var ticks = long.Parse(fields[11]) + long.Parse(fields[12]) + (reaped ? long.Parse(fields[13]) + long.Parse(fields[14]) : 0);
            return ticks / TicksPerSecond;
        }
        catch (IOException)
        {
            return 0; // the process has ended
        }
    }

    /// <summary>Fields of /proc/pid/stat after the command name (which may hold spaces): [0] is the state, [1] the parent.</summary>
    private static string[] Fields(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
    }

    private static IEnumerable<int> ChildrenOf(int parent)
    {
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), out var pid))
            {
                string[] fields;
                try
                {
                    fields = Fields(pid);
                }
                catch (IOException)
                {
                    continue;
                }
                if (fields[1] == parent.ToString(System.Globalization.CultureInfo.InvariantCulture))
                {
                    yield return pid;
                }
            }
        }
    }
}
