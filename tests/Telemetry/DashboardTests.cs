using System.Text.Json;
using System.Text.RegularExpressions;
using Wallet.Risk;
using Wallet.Telemetry;
using Wallet.Tests.Infrastructure;
using Wallet.Wallets;
using static Wallet.Tests.Infrastructure.ApiCustomer;

namespace Wallet.Tests.Telemetry;

/// <summary>
/// The Grafana dashboard compose provisions (deploy/grafana) parses, and every metric its panels query is one the
/// metrics endpoint serves: a metric renamed in the code, or an exporter that names it differently, fails here
/// instead of leaving a panel silently empty. Checked against the API on PostgreSQL, which serves Npgsql's metrics.
/// </summary>
[Collection(TracedApiCollection.Name)]
public sealed partial class DashboardTests(TracedApiFixture traced)
{
    private static readonly HashSet<string> PromQl = ["sum", "rate", "irate", "increase", "histogram_quantile", "by", "without", "avg", "max", "min", "count", "topk", "le", "on", "ignoring", "or", "and", "unless", "offset"];

    [Trait("Speed", "Slow")]
    [Fact]
    public async Task Every_panel_of_the_dashboard_queries_metrics_the_endpoint_serves()
    {
        var dashboard = JsonDocument.Parse(await File.ReadAllTextAsync(Repository.PathOf("deploy/grafana/dashboards/wallet.json"))).RootElement;
        var panels = dashboard.GetProperty("panels").EnumerateArray().ToList();
        var prometheus = await File.ReadAllTextAsync(Repository.PathOf("deploy/prometheus/prometheus.yml"));
        Assert.True(panels.Count >= 10, "the dashboard has its panels");
        // A top-up and a refused transfer move through HTTP; what the bank rarely does (an in-doubt answer, an alert,
        // a sweep) is counted once by hand, so that every series the panels read exists.
        var customer = await Register(traced.Api);
        var payee = await Register(traced.Api);
        var from = await customer.FundedWallet(100);
        var to = await payee.OpenWallet();
        await Problem(await customer.Post("/v1/transfers", customer.TransferBody(from, to, 500), Guid.NewGuid().ToString()), System.Net.HttpStatusCode.UnprocessableEntity, "insufficient_funds");
        WalletMetrics.MovementInDoubt(MovementKind.Transfer);
        WalletMetrics.AlertRaised(RiskRule.Velocity);
        WalletMetrics.TillSwept();
        WalletMetrics.EventHandled("risk_monitor", TimeSpan.FromMilliseconds(20));
        var scrape = await PrometheusText.Scrape(traced.Api);
        var served = scrape.Names.ToHashSet();

        foreach (var panel in panels)
        {
            var title = panel.GetProperty("title").GetString();
            var queries = panel.GetProperty("targets").EnumerateArray().Select(target => target.GetProperty("expr").GetString()!).ToList();
            Assert.True(queries.Count > 0, $"the panel \"{title}\" queries something");
            foreach (var query in queries)
            {
                var metrics = MetricsIn(query).ToList();
                Assert.True(metrics.Count > 0, $"the panel \"{title}\" names a metric in {query}");
                Assert.All(metrics, metric => Assert.True(served.Contains(metric),
                    $"the panel \"{title}\" queries {metric}, which the metrics endpoint does not serve; it serves:\n{string.Join('\n', served.Order())}"));
                Assert.All(Jobs().Matches(query).Select(job => job.Groups["job"].Value), job => Assert.True(prometheus.Contains($"job_name: {job}", StringComparison.Ordinal),
                    $"the panel \"{title}\" reads the job {job}, which deploy/prometheus/prometheus.yml does not scrape"));
                var labels = scrape.Samples.Where(sample => metrics.Contains(sample.Name)).SelectMany(sample => sample.Labels.Keys).ToHashSet();
                Assert.All(LabelsIn(query), label => Assert.True(labels.Contains(label),
                    $"the panel \"{title}\" uses the label {label}, which no series of {string.Join(", ", metrics)} has; they have {string.Join(", ", labels.Order())}"));
            }
        }
        Assert.Equal(100, await customer.Balance(from));
        Assert.Equal(0, await payee.Balance(to));
    }

    /// <summary>The metric names of a PromQL query: its identifiers, less label matchers, grouping labels, functions and ranges.</summary>
    private static IEnumerable<string> MetricsIn(string query)
    {
        var bare = Grouping().Replace(Selectors().Replace(query, ""), "");
        return Identifiers().Matches(bare).Select(m => m.Value).Where(name => !PromQl.Contains(name)).Distinct();
    }

    /// <summary>The labels a query matches on or groups by, less those Prometheus adds itself (job, instance) and a histogram's le.</summary>
    private static IEnumerable<string> LabelsIn(string query)
        => Grouping().Matches(query).SelectMany(group => Identifiers().Matches(group.Groups["labels"].Value))
            .Concat(Selectors().Matches(query).Where(m => m.Value.StartsWith('{')).SelectMany(m => Matcher().Matches(m.Value)))
            .Select(m => m is { Groups: var g } && g["label"].Success ? g["label"].Value : m.Value)
            .Where(label => label is not ("job" or "instance" or "le")).Distinct();

    [GeneratedRegex(@"job=""(?<job>[^""]+)""")]
    private static partial Regex Jobs();

    [GeneratedRegex(@"(?<label>[a-zA-Z_][a-zA-Z0-9_]*)\s*(=~|!=|!~|=)")]
    private static partial Regex Matcher();

    [GeneratedRegex(@"\{[^}]*\}|\[[^\]]*\]")]
    private static partial Regex Selectors();

    [GeneratedRegex(@"\b(by|without|on|ignoring)\s*\((?<labels>[^)]*)\)")]
    private static partial Regex Grouping();

    [GeneratedRegex(@"\b[a-zA-Z_:][a-zA-Z0-9_:]*\b")]
    private static partial Regex Identifiers();
}
