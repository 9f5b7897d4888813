namespace Wallet.Bench.Running;

/// <summary>One measured run: a target, a workload and a concurrency for a duration.</summary>
public sealed record Result(
    string Target,
    string Workload,
    int Concurrency,
    double Seconds,
    long Operations,
    long Transfers,
    double PerSecond,
    double P50Ms,
    double P95Ms,
    double P99Ms,
    double MaxMs,
    IReadOnlyDictionary<string, long> Failures,
    double BenchCores,
    double HelperCores,
    double? PostgresCores,
    bool BooksSound,
    double? DbCommitsPerOp,
    double? DbRowWritesPerOp,
    int Alerts = 0,
    double? AlertP99Ms = null,
    int LedgerChecks = 0,
    double? LedgerCheckP50Ms = null,
    double? LedgerCheckMaxMs = null)
{
    /// <summary>Throughput relative to the SQL baseline's run of the same workload and concurrency.</summary>
    public double? Ratio { get; set; }
}
