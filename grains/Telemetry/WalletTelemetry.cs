using System.Reflection;
using Microsoft.Extensions.Configuration;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Wallet.Telemetry;

/// <summary>
/// Metrics and traces of a process of the cluster (a silo, the API's embedded silo, the API as a client):
/// the bank's meter, Orleans', Npgsql's and the runtime's, served for Prometheus on the management endpoint
/// (<see cref="MetricsEndpoint"/>); traces through grain calls to the database, sent by OTLP. Nothing is
/// registered unless <see cref="TelemetryOptions"/> asks for it.
/// </summary>
public static class WalletTelemetry
{
    /// <summary>Orleans 10's meter (Orleans.Core's OrleansInstruments) and its activity sources for grain calls.</summary>
    public const string OrleansMeter = "Microsoft.Orleans";

    public static readonly string[] OrleansSources = ["Microsoft.Orleans.Application", "Microsoft.Orleans.Runtime"];

    public static ISiloBuilder AddWalletTelemetry(this ISiloBuilder silo, IConfiguration configuration)
    {
        if (silo.Services.AddWalletTelemetry(configuration))
        {
            silo.AddActivityPropagation();
        }
        return silo;
    }

    public static IClientBuilder AddWalletTelemetry(this IClientBuilder client, IConfiguration configuration)
    {
        if (client.Services.AddWalletTelemetry(configuration))
        {
            client.AddActivityPropagation();
        }
        return client;
    }

    /// <summary>Registers what the configuration asks for, once per container; true when requests are traced.</summary>
    public static bool AddWalletTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var options = TelemetryOptions.From(configuration);
        var traces = options.Traces(configuration);
        if ((!options.ServesMetrics && !traces) || services.Any(s => s.ServiceType == typeof(Registered)))
        {
            return traces;
        }
        services.AddSingleton<Registered>();
        var telemetry = services.AddOpenTelemetry().ConfigureResource(resource => resource.AddService(ServiceName(configuration)));
        if (options.ServesMetrics)
        {
            telemetry.WithMetrics(metrics => metrics
                .AddMeter(WalletMetrics.MeterName, OrleansMeter, "System.Runtime")
                .AddNpgsqlInstrumentation()
                // Orleans counts every message and every directory lookup (tens per movement); measured, that
                // collection cost the embedded cluster's movements several percent. Its activations, grain-call
                // latency, transactions and storage stay.
                .AddView("orleans-messaging-*", MetricStreamConfiguration.Drop)
                .AddView("orleans-directory-lookups-*", MetricStreamConfiguration.Drop)
                // Every scrape collects afresh: Prometheus asks every 15 s, and a test asks right after a movement.
                .AddPrometheusExporter(exporter => exporter.ScrapeResponseCacheDurationMilliseconds = 0));
            services.AddHostedService(provider => new MetricsEndpoint(options.MetricsUrl!, provider.GetRequiredService<MeterProvider>()));
        }
        if (traces)
        {
            telemetry.WithTracing(tracing =>
            {
                tracing.SetSampler(RequestRootedSampler.Instance).AddSource(OrleansSources).AddSource(WalletActivities.SourceName).AddNpgsql();
                if (TelemetryOptions.ExportsTraces(configuration))
                {
                    tracing.AddOtlpExporter();
                }
            });
        }
        return traces;
    }

    private static string ServiceName(IConfiguration configuration)
        => configuration["OTEL_SERVICE_NAME"] is { Length: > 0 } named ? named : Assembly.GetEntryAssembly()?.GetName().Name ?? "Wallet";

    /// <summary>Marks a container whose telemetry is registered: the embedded API's silo and the API itself both ask.</summary>
    private sealed class Registered;
}
