using System.Globalization;

namespace Wallet.Bench.Running;

/// <summary>The command line: <c>[workload...] [--target t,...] [--concurrency n,...] [--duration s] [--warmup s] [--wallets n] [--silos n] [--out dir] [--history n,...]</c>.</summary>
public sealed record Options(
    IReadOnlyList<Workload> Workloads,
    IReadOnlyList<string> Targets,
    IReadOnlyList<int> Concurrency,
    TimeSpan Duration,
    TimeSpan Warmup,
    int Wallets,
    int Silos,
    int HashIterations,
    string Out,
    IReadOnlyList<int> History)
{
    public static readonly string[] AllTargets = ["baseline", "memory", "http", "postgres"];

    /// <summary><c>bare-N</c>: the probe of what Orleans transactions alone cost, N transfers in each (not in the default set).</summary>
    private static bool IsBare(string target)
        => target.StartsWith("bare-", StringComparison.Ordinal) && int.TryParse(target["bare-".Length..], CultureInfo.InvariantCulture, out var n) && n > 0;

    public static Options Parse(string[] args)
    {
        var workloads = new List<Workload>();
        var values = new Dictionary<string, string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal))
            {
                values[args[i][2..]] = i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            }
            else
            {
                workloads.Add(Enum.Parse<Workload>(args[i], ignoreCase: true));
            }
        }
        string Get(string name, string fallback) => values.GetValueOrDefault(name, fallback);
        var targets = Get("target", string.Join(',', AllTargets)).Split(',');
        if (targets.Except(AllTargets).FirstOrDefault(t => !IsBare(t)) is { } unknown)
        {
            throw new ArgumentException($"unknown target {unknown}; known: {string.Join(", ", AllTargets)}, bare-N (N transfers per bare transaction)");
        }
        return new Options(
            workloads.Count > 0 ? workloads : [Workload.Spread, Workload.Hot, Workload.Mixed],
            targets,
            Get("concurrency", "16,64,256").Split(',').Select(c => int.Parse(c, CultureInfo.InvariantCulture)).ToList(),
            TimeSpan.FromSeconds(double.Parse(Get("duration", "10"), CultureInfo.InvariantCulture)),
            TimeSpan.FromSeconds(double.Parse(Get("warmup", "30"), CultureInfo.InvariantCulture)),
            int.Parse(Get("wallets", "10000"), CultureInfo.InvariantCulture),
            int.Parse(Get("silos", "2"), CultureInfo.InvariantCulture),
            int.Parse(Get("hash-iterations", "210000"), CultureInfo.InvariantCulture),
            Get("out", "bench/results"),
            Get("history", "1000,10000,100000").Split(',').Select(h => int.Parse(h, CultureInfo.InvariantCulture)).ToList());
    }
}
