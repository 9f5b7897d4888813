using System.Globalization;
using System.Text;
using System.Text.Json;
using Wallet.Bench.Running;

namespace Wallet.Bench.Reporting;

/// <summary>The bench's outputs: a table for people, JSON for tools and history, and a throughput chart.</summary>
public static class Report
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>Sets each result's ratio to the SQL baseline's run of the same workload and concurrency.</summary>
    public static void CompareToBaseline(IReadOnlyList<Result> results, string baseline)
    {
        foreach (var result in results)
        {
            var reference = results.FirstOrDefault(r => r.Target == baseline && r.Workload == result.Workload && r.Concurrency == result.Concurrency);
            result.Ratio = reference is { PerSecond: > 0 } ? result.PerSecond / reference.PerSecond : null;
        }
    }

    public static async Task<IReadOnlyList<Result>> ReadResults(string path)
    {
        await using var file = File.OpenRead(path);
        using var document = await JsonDocument.ParseAsync(file);
        return document.RootElement.GetProperty("results").Deserialize<List<Result>>(Json)!;
    }

    public static async Task WriteCharts(IReadOnlyList<Result> results, string directory)
    {
        foreach (var workload in results.Select(r => r.Workload).Distinct())
        {
            await File.WriteAllTextAsync(Path.Combine(directory, $"throughput-{workload}.svg"), Chart(results, workload));
        }
    }

    public static string Table(IReadOnlyList<Result> results)
    {
        var table = new StringBuilder();
        table.AppendLine("| target | workload | conc. | ops/s | × baseline | p50 ms | p95 ms | p99 ms | max ms | failures | CPU cores bench/cluster/pg | db commits/op | db row writes/op | alerts (p99 ms after the event) | books |");
        table.AppendLine("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- | ---: | ---: | ---: | --- |");
        foreach (var r in results)
        {
            var failures = r.Failures.Count == 0 ? "0" : string.Join(", ", r.Failures.Select(f => $"{f.Key} {f.Value}"));
            table.AppendLine(CultureInfo.InvariantCulture,
                $"| {r.Target} | {r.Workload} | {r.Concurrency} | {r.PerSecond:N0} | {(r.Ratio is { } x ? x.ToString("0.00", CultureInfo.InvariantCulture) : "–")} | {r.P50Ms:0.0} | {r.P95Ms:0.0} | {r.P99Ms:0.0} | {r.MaxMs:0} | {failures} | {r.BenchCores:0.00}/{r.HelperCores:0.00}/{r.PostgresCores:0.00} | {r.DbCommitsPerOp:0.0} | {r.DbRowWritesPerOp:0.0} | {(r.Alerts == 0 ? "–" : $"{r.Alerts:N0} ({r.AlertP99Ms:0})")} | {(r.BooksSound ? "sum to zero" : "WRONG")} |");
        }
        return table.ToString();
    }

    public static async Task WriteJson(string path, object report)
    {
        await using var file = File.Create(path);
        await JsonSerializer.SerializeAsync(file, report, Json);
    }

    /// <summary>Throughput against concurrency, one line per target, for one workload: a plain SVG image.</summary>
    public static string Chart(IReadOnlyList<Result> results, string workload)
    {
        const int width = 720, height = 420, left = 70, right = 170, top = 40, bottom = 50;
        string[] colours = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b"];
        var rows = results.Where(r => r.Workload == workload).ToList();
        var levels = rows.Select(r => r.Concurrency).Distinct().Order().ToList();
        var peak = Math.Max(1, rows.Select(r => r.PerSecond).DefaultIfEmpty(1).Max() * 1.1);
        double X(int concurrency) => left + (levels.Count == 1 ? 0.5 : levels.IndexOf(concurrency) / (double)(levels.Count - 1)) * (width - left - right);
        double Y(double perSecond) => top + (1 - perSecond / peak) * (height - top - bottom);
        var svg = new StringBuilder();
        svg.AppendLine(CultureInfo.InvariantCulture, $"""<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" font-family="sans-serif" font-size="12">""");
        svg.AppendLine("""<rect width="100%" height="100%" fill="white"/>""");
        svg.AppendLine(CultureInfo.InvariantCulture, $"""<text x="{left}" y="22" font-size="15">Transfers per second against concurrency — {workload} workload</text>""");
        for (var i = 0; i <= 5; i++)
        {
            var value = peak * i / 5;
            svg.AppendLine(CultureInfo.InvariantCulture, $"""<line x1="{left}" x2="{width - right}" y1="{Y(value):0}" y2="{Y(value):0}" stroke="#ddd"/><text x="{left - 8}" y="{Y(value) + 4:0}" text-anchor="end">{value:N0}</text>""");
        }
        foreach (var level in levels)
        {
            svg.AppendLine(CultureInfo.InvariantCulture, $"""<text x="{X(level):0}" y="{height - bottom + 18}" text-anchor="middle">{level}</text>""");
        }
        svg.AppendLine(CultureInfo.InvariantCulture, $"""<text x="{(left + width - right) / 2}" y="{height - 12}" text-anchor="middle">concurrent clients</text>""");
        var targets = rows.Select(r => r.Target).Distinct().ToList();
        for (var t = 0; t < targets.Count; t++)
        {
            var colour = colours[t % colours.Length];
            var points = rows.Where(r => r.Target == targets[t]).OrderBy(r => r.Concurrency).Select(r => (X(r.Concurrency), Y(r.PerSecond))).ToList();
            svg.AppendLine(CultureInfo.InvariantCulture, $"""<polyline fill="none" stroke="{colour}" stroke-width="2.5" points="{string.Join(' ', points.Select(p => $"{p.Item1:0},{p.Item2:0}"))}"/>""");
            foreach (var (x, y) in points)
            {
                svg.AppendLine(CultureInfo.InvariantCulture, $"""<circle cx="{x:0}" cy="{y:0}" r="4" fill="{colour}"/>""");
            }
            svg.AppendLine(CultureInfo.InvariantCulture, $"""<rect x="{width - right + 15}" y="{top + t * 22}" width="14" height="4" fill="{colour}"/><text x="{width - right + 35}" y="{top + t * 22 + 6}">{targets[t]}</text>""");
        }
        svg.AppendLine("</svg>");
        return svg.ToString();
    }
}
