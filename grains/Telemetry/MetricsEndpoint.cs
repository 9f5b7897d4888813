using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Metrics;

namespace Wallet.Telemetry;

/// <summary>
/// <c>GET /metrics</c> in Prometheus' text format on a listener of its own (<see cref="TelemetryOptions.MetricsUrl"/>),
/// never on the public API's port: what the bank moves, refuses and alerts on is nobody's business outside, and a
/// Prometheus scraper cannot renew a customer's short-lived bearer token. Bound to loopback unless the operator
/// names another address (a container's, for the Prometheus beside it). The same for a silo process, which has
/// no HTTP server otherwise. Its own requests are left out of the HTTP metrics.
/// </summary>
internal sealed class MetricsEndpoint(string url, MeterProvider meters) : IHostedService, IAsyncDisposable
{
    public const string Path = "/metrics";

    private WebApplication? _server;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var address = BindingAddress.Parse(url);
        // An empty builder: none of the host's settings (ASPNETCORE_URLS, a Kestrel section) reach this listener.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            if (address.Host is "*" or "+" or "0.0.0.0")
            {
                kestrel.ListenAnyIP(address.Port);
            }
            else if (address.Host == "localhost")
            {
                kestrel.ListenLocalhost(address.Port);
            }
            else
            {
                kestrel.Listen(IPAddress.Parse(address.Host), address.Port);
            }
        });
        builder.Services.AddRoutingCore();
        var server = builder.Build();
        server.MapPrometheusScrapingEndpoint(Path, meters, configureBranchedPipeline: null, optionsName: null).DisableHttpMetrics();
        try
        {
            await server.StartAsync(cancellationToken);
        }
        catch (IOException taken)
        {
            await server.DisposeAsync();
            throw new InvalidOperationException($"The metrics endpoint cannot listen on {url} (Wallet:Telemetry:MetricsUrl): {taken.Message}", taken);
        }
        _server = server;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_server is not null)
        {
            await _server.StopAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
