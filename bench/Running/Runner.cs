using System.Collections.Concurrent;
using System.Diagnostics;
using Wallet.Bench.Targets;

namespace Wallet.Bench.Running;

/// <summary>Runs a workload against a target with N concurrent workers for a fixed time, then audits the books.</summary>
public static class Runner
{
    public static async Task<Result> Run(IBenchTarget target, Workload workload, int concurrency, TimeSpan duration, int wallets, int? postgres, DatabaseCounters? database = null)
    {
        var label = $"{target.Name} {workload.ToString().ToLowerInvariant()} c={concurrency}";
        var failures = new ConcurrentDictionary<string, long>();
        var latencies = new List<double>[concurrency];
        long operations = 0, transfers = 0;
        var cpu = new Cpu(target.Helpers, postgres);
        var cpuBefore = cpu.Sample();
        var started = DateTimeOffset.UtcNow;
        var dbBefore = database is null ? null : await database.Read();
        var clock = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource(duration);
        using var progress = new Timer(_ => Console.Error.WriteLine(
            $"  [{label}] {clock.Elapsed.TotalSeconds,4:0} s  {Interlocked.Read(ref operations),9:N0} ops  {Interlocked.Read(ref operations) / clock.Elapsed.TotalSeconds,8:N0}/s  failures {failures.Values.Sum()}"),
            null, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2));

        var checks = new List<(double Ms, bool Balanced)>();
        var checking = Task.Run(() => CheckLedger(target, checks, stop.Token));
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(worker => Task.Run(async () =>
        {
            var random = new Random(worker * 7919 + concurrency);
            var mine = latencies[worker] = new List<double>(4096);
            while (!stop.IsCancellationRequested)
            {
                var (read, from, to, amount) = Operations.Next(workload, wallets, random);
                var begun = Stopwatch.GetTimestamp();
                try
                {
                    if (read)
                    {
                        await target.Read(from);
                    }
                    else
                    {
                        await target.Transfer(from, to, amount);
                        Interlocked.Increment(ref transfers);
                    }
                }
                catch (BenchFailure failure)
                {
                    failures.AddOrUpdate(failure.Kind, 1, (_, n) => n + 1);
                }
                mine.Add(Stopwatch.GetElapsedTime(begun).TotalMilliseconds);
                Interlocked.Increment(ref operations);
            }
        })));
        var seconds = clock.Elapsed.TotalSeconds;
        await checking;
        var cpuAfter = cpu.Sample();
        var dbAfter = database is null ? null : await database.Read();
        var books = await target.Audit();
        if (checks.Any(c => !c.Balanced))
        {
            Console.Error.WriteLine($"  [{label}] A LEDGER CHECK UNDER LOAD FOUND THE BOOKS WRONG ({checks.Count(c => !c.Balanced)} of {checks.Count})");
            books = books with { LedgerBalanced = false };
        }
        if (!books.Sound)
        {
            Console.Error.WriteLine($"  [{label}] THE BOOKS ARE WRONG: {books}");
        }

        var alertDelays = (await target.AlertDelaysMs(started)).Order().ToArray(); // after the audit: the monitors have caught up
        var all = latencies.SelectMany(l => l).Order().ToArray();
        double At(double q) => all.Length == 0 ? 0 : all[Math.Min(all.Length - 1, (int)(q * all.Length))];
        return new Result(target.Name, workload.ToString().ToLowerInvariant(), concurrency, seconds, operations, transfers,
            operations / seconds, At(0.50), At(0.95), At(0.99), all.Length == 0 ? 0 : all[^1],
            new SortedDictionary<string, long>(failures),
            (cpuAfter.Bench - cpuBefore.Bench) / seconds, (cpuAfter.Helpers - cpuBefore.Helpers) / seconds, (cpuAfter.Postgres - cpuBefore.Postgres) / seconds,
            books.Sound,
            dbAfter is null || operations == 0 ? null : (double)(dbAfter.Commits - dbBefore!.Commits) / operations,
            dbAfter is null || operations == 0 ? null : (double)(dbAfter.RowsWritten - dbBefore!.RowsWritten) / operations,
            alertDelays.Length, alertDelays.Length == 0 ? null : alertDelays[Math.Min(alertDelays.Length - 1, (int)(0.99 * alertDelays.Length))],
            checks.Count, checks.Count == 0 ? null : checks.Select(c => c.Ms).Order().ElementAt(checks.Count / 2), checks.Count == 0 ? null : checks.Max(c => c.Ms));
    }

    /// <summary>Runs the target's ledger check once a second while the load runs, where it can (it must lock nothing).</summary>
    private static async Task CheckLedger(IBenchTarget target, List<(double Ms, bool Balanced)> checks, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var begun = Stopwatch.GetTimestamp();
            if (target.CheckLedgerUnderLoad() is not { } check)
            {
                return;
            }
            var balanced = await check;
            checks.Add((Stopwatch.GetElapsedTime(begun).TotalMilliseconds, balanced));
            await Task.Delay(TimeSpan.FromSeconds(1), CancellationToken.None);
        }
    }
}
