using System.Net;
using Wallet.Tests.Infrastructure;
using static Wallet.Tests.Infrastructure.ApiCustomer;

namespace Wallet.Tests.Telemetry;

/// <summary>
/// The management endpoint serves what Prometheus scrapes: the bank's movement counters as movements happen, beside
/// Orleans' and ASP.NET Core's own metrics. Scraped from the wallet as deployed, one host in its own process (the
/// README's embedded run, shared with the browser tests): in a process of many test hosts, one host stopping ended
/// meters the others still served. Other tests move money there too, so a test asserts what it did is counted, not a total.
/// </summary>
[Collection(Web.BrowserCollection.Name)]
public sealed class MetricsEndpointTests(Web.BrowserFixture wallet)
{
    private const string Movements = "wallet_movements_total";

    [Fact]
    public async Task A_transfer_is_counted_as_a_completed_transfer_beside_orleans_and_http_metrics()
    {
        var alice = await Register(wallet.Http());
        var bob = await Register(wallet.Http());
        var from = await alice.FundedWallet(1_000);
        var to = await bob.OpenWallet();
        var before = await PrometheusText.Scrape(wallet.Api.Metrics);

        await Json(await alice.Post("/v1/transfers", alice.TransferBody(from, to, 300), Guid.NewGuid().ToString()), HttpStatusCode.Created);

        var after = await PrometheusText.Scrape(wallet.Api.Metrics);
        var completed = (after.Sum(Movements, ("kind", "transfer"), ("outcome", "completed")), before.Sum(Movements, ("kind", "transfer"), ("outcome", "completed")));
        Assert.True(completed.Item1 >= completed.Item2 + 1, $"completed transfers went from {completed.Item2} to {completed.Item1}:\n{after.Text}");
        Assert.True(after.Sum(Movements, ("kind", "top_up"), ("outcome", "completed")) >= 1, "the top-up that funded the wallet is counted too");
        Assert.Contains(after.Samples, s => s.Name == "orleans_catalog_activations" && s.Value > 0);
        // ASP.NET Core records a request's duration once its answer is sent: the client may read it a moment earlier.
        // On failure, say what the endpoint served of the kind (a CI run once timed out here, and passed every time since).
        var http = "";
        await Eventually.Until(async () =>
        {
            var scraped = await PrometheusText.Scrape(wallet.Api.Metrics);
            http = string.Join('\n', scraped.Text.Split('\n').Where(line => line.StartsWith("http_server_request_duration_seconds_count", StringComparison.Ordinal)
                && (line.Contains("transfers", StringComparison.Ordinal) || line.Contains("overflow", StringComparison.Ordinal))));
            return scraped.Sum("http_server_request_duration_seconds_count", ("http_route", "/v1/transfers/"), ("http_request_method", "POST")) >= 1;
        }, "the transfer's request in ASP.NET Core's request duration", TimeSpan.FromSeconds(30), lastSeen: () => http);
        Assert.Equal(1_000 - 300, await alice.Balance(from));
        Assert.Equal(300, await bob.Balance(to));
    }

    [Fact]
    public async Task A_refused_transfer_is_counted_under_its_refusal_code_and_moves_nothing()
    {
        var alice = await Register(wallet.Http());
        var bob = await Register(wallet.Http());
        var from = await alice.FundedWallet(100);
        var to = await bob.OpenWallet();
        var before = (await PrometheusText.Scrape(wallet.Api.Metrics)).Sum(Movements, ("kind", "transfer"), ("outcome", "refused"), ("refusal", "insufficient_funds"));

        await Problem(await alice.Post("/v1/transfers", alice.TransferBody(from, to, 500), Guid.NewGuid().ToString()), HttpStatusCode.UnprocessableEntity, "insufficient_funds");

        var after = await PrometheusText.Scrape(wallet.Api.Metrics);
        var refused = after.Sum(Movements, ("kind", "transfer"), ("outcome", "refused"), ("refusal", "insufficient_funds"));
        Assert.True(refused >= before + 1, $"refused transfers (insufficient_funds) went from {before} to {refused}:\n{after.Text}");
        Assert.Equal(100, await alice.Balance(from));
        Assert.Equal(0, await bob.Balance(to));
    }
}
