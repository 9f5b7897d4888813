using System.Diagnostics;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Wallet.Telemetry;

namespace Wallet.ClientApi.Hosting;

/// <summary>
/// The API's part of the metrics and traces (README "Metrics and traces"): ASP.NET Core's HTTP metrics and request
/// spans, beside what every process of the cluster collects (<see cref="WalletTelemetry"/>, registered with the
/// embedded silo or the cluster client), and the request's correlation id on its trace.
/// </summary>
public static class TelemetrySetup
{
    /// <summary>The span tag and baggage item naming the request's correlation id (<see cref="LoggingSetup.CorrelationHeader"/>).</summary>
    public const string CorrelationTag = "wallet.correlation_id";

    public static WebApplicationBuilder AddWalletTelemetry(this WebApplicationBuilder builder)
    {
        var options = TelemetryOptions.From(builder.Configuration);
        if (options.ServesMetrics)
        {
            builder.Services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddAspNetCoreInstrumentation());
        }
        if (options.Traces(builder.Configuration))
        {
            // The probes of a load balancer every few seconds are not requests anyone traces.
            builder.Services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddAspNetCoreInstrumentation(
                aspNetCore => aspNetCore.Filter = context => !context.Request.Path.StartsWithSegments("/health")));
        }
        return builder;
    }

    /// <summary>
    /// Puts the correlation id on the request's span, and in its baggage so every grain call it makes (on any silo)
    /// carries it too. Only a traced request pays for it.
    /// </summary>
    public static void Correlate(string correlationId)
    {
        if (Activity.Current is { Recorded: true } request)
        {
            request.SetTag(CorrelationTag, correlationId);
            request.SetBaggage(CorrelationTag, correlationId);
        }
    }
}
