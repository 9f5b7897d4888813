using OpenTelemetry.Trace;

namespace Wallet.Telemetry;

/// <summary>
/// A trace starts at an HTTP request and follows it (its grain calls, its database commands, on every silo).
/// Without this the background's own calls (stream pulling, reminders, membership, the group commit's
/// writes) would each start a trace many times a second and bury the requests.
/// </summary>
internal sealed class RequestRootedSampler : Sampler
{
    /// <summary>The name ASP.NET Core gives a request's activity when it starts.</summary>
    internal const string HttpRequest = "Microsoft.AspNetCore.Hosting.HttpRequestIn";

    public static Sampler Instance { get; } = new ParentBasedSampler(new RequestRootedSampler());

    private static readonly SamplingResult Sampled = new(SamplingDecision.RecordAndSample);
    private static readonly SamplingResult Dropped = new(SamplingDecision.Drop);

    public override SamplingResult ShouldSample(in SamplingParameters samplingParameters)
        => samplingParameters.Name == HttpRequest ? Sampled : Dropped;
}
