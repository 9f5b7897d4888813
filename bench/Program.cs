using System.Globalization;
using Npgsql;
using Wallet.Bench.Reporting;
using Wallet.Bench.Running;
using Wallet.Bench.Targets;

// The bench: a named workload against the wallet cluster and, in the same run on the same
// PostgreSQL, against a plain SQL ledger. Run it through bench/run.sh, which provides the server.
if (args is ["--report", var saved, ..])
{
    // Renders a saved run again: the table, and the charts beside the JSON.
    var earlier = await Report.ReadResults(saved);
    await Report.WriteCharts(earlier, Path.GetDirectoryName(Path.GetFullPath(saved))!);
    Console.WriteLine(Report.Table(earlier));
    return 0;
}
var options = Options.Parse(args);
var admin = Environment.GetEnvironmentVariable("WALLET_BENCH_POSTGRES")
    ?? throw new InvalidOperationException("WALLET_BENCH_POSTGRES is not set: run ./bench/run.sh, which starts PostgreSQL.");
int? postgresPid = Environment.GetEnvironmentVariable("WALLET_BENCH_PG_DATA") is { } data
    ? int.Parse(File.ReadLines(Path.Combine(data, "postmaster.pid")).First(), CultureInfo.InvariantCulture)
    : null;
var settings = new Dictionary<string, string?>
{
    ["Wallet:Simulators:Enabled"] = "true",
    ["Wallet:Credentials:HashIterations"] = options.HashIterations.ToString(CultureInfo.InvariantCulture),
    ["Wallet:Storage:MaxPoolSize"] = "60",
    // Silo processes refuse to start without the keys every process of a deployment shares; these are the bench's own.
    ["Wallet:Vault:Keys:bench"] = "YmVuY2ggY2FyZCBrZXkgLSBub3QgZm9yIHByb2R1Y3Q=",
    ["Wallet:Vault:ActiveKey"] = "bench",
    ["Wallet:RealName:DirectoryKey"] = "YmVuY2ggaWRlbnRpdHkgZGlyZWN0b3J5IGtleSAtIG5vdCBmb3IgcHJvZHVjdGlvbg==",
};
// Random transfers among a thousand wallets look like fraud to the risk rules (ten payments an hour,
// new payees all the time, money in from many and straight out). The rules run and raise their alerts,
// whose delay after the event the run reports, but only alert: the bench measures moving money, and
// a restricted customer would turn its transfers into refusals.
foreach (var rule in new[] { "Velocity", "UnusualAmount", "NewDeviceLargePayment", "ImpossibleTravel", "NightTime", "RepeatedPinFailures", "NewPayees", "MulePattern" })
{
    settings[$"Wallet:Risk:{rule}:Action"] = "Alert";
}
// Velocity fires for most customers within a run; quiet for 10 s instead of an hour, it keeps firing
// (about one alert per customer every 10 s: an incident's load on the alert path) so the delays have samples.
settings["Wallet:Risk:Velocity:QuietFor"] = "00:00:01";
const long Opening = 1_000_000; // ¥10,000.00 per wallet: nobody runs dry during a run

var results = new List<Result>();
PgBench.Outcome? pgbench = null;
Directory.CreateDirectory(options.Out);
var json = Path.Combine(options.Out, $"bench-{DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}.json");
foreach (var name in options.Targets)
{
    Console.Error.WriteLine($"{name}: preparing {options.Wallets:N0} wallets");
    await using var target = name switch
    {
        "baseline" => new SqlLedger(NpgsqlDataSource.Create(await Database("bench_baseline", options.Concurrency.Max() + 8))),
        "memory" => await Clusters.Memory(settings),
        "http" => await HttpBank.Start(settings, 25080),
        _ when name.StartsWith("bare-", StringComparison.Ordinal) => await Clusters.Bare(settings, int.Parse(name["bare-".Length..], CultureInfo.InvariantCulture), options.Concurrency.Max()),
        _ => await Clusters.Postgres(settings, await Database("bench_cluster", 60), options.Silos),
    };
    var counters = name switch
    {
        "baseline" => new DatabaseCounters(admin, "bench_baseline"),
        "postgres" => new DatabaseCounters(admin, "bench_cluster"),
        _ => null,
    };
    await target.Prepare(options.Wallets, Opening, message => Console.Error.WriteLine($"  {message}"));
    // Warm-up, not reported: every customer pays once (activations loaded, each PIN checked slowly once).
    await Parallel.ForEachAsync(Enumerable.Range(0, options.Wallets / 10), new ParallelOptions { MaxDegreeOfParallelism = 32 },
        async (customer, _) =>
        {
            try
            {
                await target.Transfer(customer * 10, (customer * 10 + 1) % options.Wallets, 1);
            }
            catch (BenchFailure)
            {
                // counted nowhere: the warm-up only loads activations
            }
        });
    // The JIT keeps compiling for about a minute of load on 2 cores (dotnet-counters: ~1,000 methods
    // per 10 s, then ~40); measured runs should not pay for it. Not reported.
    if (options.Warmup > TimeSpan.Zero)
    {
        await Runner.Run(target, Workload.Mixed, 64, options.Warmup, options.Wallets, postgresPid);
    }
    foreach (var workload in options.Workloads)
    {
        if (workload == Workload.Search)
        {
            await SearchHistories(target);
            continue;
        }
        IBenchTarget measured = target;
        if (workload is Workload.Bills or Workload.Conversions or Workload.Remittances or Workload.SubWalletPayments or Workload.FundPurchases or Workload.QuotaPurchases
            or Workload.CodePayments)
        {
            if (target is not GrainBank bank)
            {
                Console.Error.WriteLine($"  {target.Name}: the {workload.ToString().ToLowerInvariant()} workload runs on grain targets only");
                continue;
            }
            measured = workload switch
            {
                Workload.Bills => new BillPayments(bank),
                Workload.Conversions => new Conversions(bank),
                Workload.SubWalletPayments => new SubWalletPayments(bank),
                Workload.FundPurchases => new ProductPurchases(bank, withQuota: false),
                Workload.QuotaPurchases => new ProductPurchases(bank, withQuota: true),
                Workload.CodePayments => new CodePayments(bank),
                _ => new Remittances(bank),
            };
            await measured.Prepare(options.Wallets, Opening, message => Console.Error.WriteLine($"  {message}"));
        }
        foreach (var concurrency in options.Concurrency)
        {
            var result = await Runner.Run(measured, workload, concurrency, options.Duration, options.Wallets, postgresPid, counters);
            Console.Error.WriteLine($"  => {result.PerSecond:N0} ops/s, p99 {result.P99Ms:0.0} ms, failures {result.Failures.Values.Sum()}, books {(result.BooksSound ? "sum to zero" : "WRONG")}, alerts {result.Alerts:N0} (p99 {result.AlertP99Ms:0} ms after the event)"
                + (result.LedgerChecks == 0 ? "" : $", {result.LedgerChecks} ledger checks under load (p50 {result.LedgerCheckP50Ms:0} ms, max {result.LedgerCheckMaxMs:0} ms)"));
            results.Add(result);
            await Save(); // a run that dies later keeps what it measured
        }
    }
}
if (Environment.GetEnvironmentVariable("WALLET_BENCH_PG_BIN") is { } bin)
{
    var server = new NpgsqlConnectionStringBuilder(admin);
    await Database("bench_pgbench", 1);
    pgbench = await PgBench.Run(bin, server.Host!, server.Port.ToString(CultureInfo.InvariantCulture), "bench_pgbench", 64, options.Duration);
}

await Save();
await Report.WriteCharts(results, options.Out);

// Issue 18: one wallet's history grown to each size in turn and searched at each concurrency.
async Task SearchHistories(IBenchTarget target)
{
    if (target is not GrainBank bank)
    {
        Console.Error.WriteLine($"  {target.Name}: the search workload runs on grain targets only");
        return;
    }
    foreach (var size in options.History.Order())
    {
        var history = new HistorySearch(bank, size);
        await history.Prepare(options.Wallets, Opening, message => Console.Error.WriteLine($"  {message}"));
        foreach (var concurrency in options.Concurrency)
        {
            var result = await Runner.Run(history, Workload.Search, concurrency, options.Duration, options.Wallets, postgresPid);
            Console.Error.WriteLine($"  => {result.PerSecond:N0} searches/s, p50 {result.P50Ms:0.0} ms, p99 {result.P99Ms:0.0} ms, failures {result.Failures.Values.Sum()}");
            results.Add(result);
            await Save();
        }
    }
}
Console.WriteLine(Report.Table(results));
if (pgbench is not null)
{
    Console.WriteLine($"pgbench tpcb-like on the same server, {pgbench.Clients} clients: {pgbench.Tps:N0} tps, average latency {pgbench.LatencyAverageMs:0.0} ms");
}
Console.WriteLine($"results: {json}");
return results.All(r => r.BooksSound) ? 0 : 1;

async Task Save()
{
    Report.CompareToBaseline(results, "sql-baseline");
    await Report.WriteJson(json, new
    {
        Date = DateTime.UtcNow,
        Machine = new { Environment.ProcessorCount, Os = Environment.OSVersion.VersionString, Runtime = Environment.Version.ToString() },
        Settings = new { options.Wallets, Opening, options.Silos, options.HashIterations, DurationSeconds = options.Duration.TotalSeconds },
        Results = results,
        PgBench = pgbench,
    });
}

async Task<string> Database(string name, int pool)
{
    await using (var connection = new NpgsqlConnection(admin))
    {
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await create.ExecuteNonQueryAsync();
    }
    return new NpgsqlConnectionStringBuilder(admin) { Database = name, MaxPoolSize = pool }.ConnectionString;
}
