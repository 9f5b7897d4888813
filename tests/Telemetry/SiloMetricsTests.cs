using System.Net;
using System.Security.Cryptography;
using Wallet.Tests.Infrastructure;
using static Wallet.Tests.Infrastructure.ApiCustomer;

namespace Wallet.Tests.Telemetry;

/// <summary>
/// In production mode the movements run on the silos: a silo process serves its own metrics endpoint, where a
/// transfer made through a production-mode API is counted, with Orleans' and Npgsql's metrics; the API serves its
/// HTTP metrics on its own.
/// </summary>
[Collection(TopologyCollection.Name)]
public sealed class SiloMetricsTests
{
    [Trait("Speed", "Slow")]
    [Fact]
    public async Task A_silo_process_serves_the_movements_it_ran_and_the_api_its_requests()
    {
        var cluster = "metrics-" + Guid.NewGuid().ToString("N")[..8];
        var settings = new Dictionary<string, string?>(PostgresServer.Settings(await PostgresServer.CreateDatabase()))
        {
            ["Wallet:Cluster:ClusterId"] = cluster,
            ["Wallet:Cluster:ServiceId"] = cluster,
            ["Serilog:MinimumLevel:Default"] = "Warning",
        };
        var siloMetrics = new Uri($"http://127.0.0.1:{FreePorts.Next()}");
        await using var silo = SiloProcess.Start(new Dictionary<string, string?>(settings) { ["Wallet:Telemetry:MetricsUrl"] = siloMetrics.ToString() });
        await SiloProcess.UntilActive(settings, 1, silo);
        await using var api = ApiFixture.With(new Dictionary<string, string?>(settings)
        {
            ["Wallet:Mode"] = "production",
            ["Wallet:Auth:SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        });
        await api.InitializeAsync();
        var alice = await Register(api);
        var bob = await Register(api);
        var from = await alice.FundedWallet(1_000);
        var to = await bob.OpenWallet();

        await Json(await alice.Post("/v1/transfers", alice.TransferBody(from, to, 400), Guid.NewGuid().ToString()), HttpStatusCode.Created);

        using var http = new HttpClient { BaseAddress = siloMetrics };
        var scraped = PrometheusText.Parse(await http.GetStringAsync("/metrics"));
        Assert.Equal(1, scraped.Sum("wallet_movements_total", ("kind", "transfer"), ("outcome", "completed")));
        Assert.Equal(1, scraped.Sum("wallet_movements_total", ("kind", "top_up"), ("outcome", "completed")));
        Assert.Contains(scraped.Samples, s => s.Name == "orleans_catalog_activations" && s.Value > 0);
        Assert.Contains(scraped.Samples, s => s.Name == "db_client_connection_count");
        Assert.DoesNotContain(scraped.Samples, s => s.Name.StartsWith("http_server_", StringComparison.Ordinal));
        await Eventually.Until(async () => (await PrometheusText.Scrape(api)).Sum("http_server_request_duration_seconds_count", ("http_route", "/v1/transfers/")) >= 1,
            "the API's own endpoint counting the transfer's request", TimeSpan.FromSeconds(10));
        Assert.Equal(1_000 - 400, await alice.Balance(from));
        Assert.Equal(400, await bob.Balance(to));
    }
}
