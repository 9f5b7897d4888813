using Microsoft.Extensions.Configuration;

namespace Wallet.Telemetry;

/// <summary>
/// <c>Wallet:Telemetry</c>: where a process serves its metrics, and whether it traces. Both are off unless
/// configured, so a process nobody watches pays nothing.
/// </summary>
public sealed class TelemetryOptions
{
    public const string Section = "Wallet:Telemetry";

    /// <summary>The standard OpenTelemetry setting naming the OTLP collector traces go to.</summary>
    public const string OtlpEndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>
    /// The address of the management endpoint serving <c>/metrics</c> for Prometheus (e.g. <c>http://127.0.0.1:9464</c>),
    /// a listener of its own beside the public API's; empty: no metrics are collected.
    /// </summary>
    public string? MetricsUrl { get; set; }

    /// <summary>Whether requests are traced; unset: traced exactly when an OTLP endpoint is configured to send the spans to.</summary>
    public bool? Tracing { get; set; }

    public bool ServesMetrics => !string.IsNullOrWhiteSpace(MetricsUrl);

    public static TelemetryOptions From(IConfiguration configuration)
        => configuration.GetSection(Section).Get<TelemetryOptions>() ?? new TelemetryOptions();

    public static bool ExportsTraces(IConfiguration configuration) => !string.IsNullOrWhiteSpace(configuration[OtlpEndpointSetting]);

    public bool Traces(IConfiguration configuration) => Tracing ?? ExportsTraces(configuration);
}
