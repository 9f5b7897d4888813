using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using Wallet.ClientApi.Hosting;
using Wallet.Tests.Infrastructure;
using static Wallet.Tests.Infrastructure.ApiCustomer;

namespace Wallet.Tests.Telemetry;

/// <summary>
/// One HTTP transfer is one trace: ASP.NET Core's server span tagged with the correlation id the caller sent, the
/// grain calls it made (carrying the id as baggage), and the database commands, all under the request's trace id.
/// </summary>
[Collection(TracedApiCollection.Name)]
public sealed class TracingTests(TracedApiFixture traced)
{
    [Trait("Speed", "Slow")]
    [Fact]
    public async Task One_transfer_is_one_trace_from_the_http_request_through_the_grain_calls_to_the_database()
    {
        var api = traced.Api;
        var alice = await Register(api);
        var bob = await Register(api);
        var from = await alice.FundedWallet(1_000);
        var to = await bob.OpenWallet();
        var correlationId = $"trace-{Guid.NewGuid():N}";
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/transfers")
        {
            Content = new StringContent(JsonSerializer.Serialize(alice.TransferBody(from, to, 250), JsonSerializerOptions.Web), Encoding.UTF8, "application/json"),
            Headers = { { "Idempotency-Key", Guid.NewGuid().ToString() }, { LoggingSetup.CorrelationHeader, correlationId } },
        };

        var answer = await alice.Http.SendAsync(request);

        await Json(answer, HttpStatusCode.Created);
        Assert.Equal(correlationId, answer.Headers.GetValues(LoggingSetup.CorrelationHeader).Single());
        // The server's span ends once the answer is sent, the client may read it a moment earlier.
        var server = await Eventually.Value(() => Task.FromResult(traced.Spans.Snapshot().FirstOrDefault(span => span.Kind == ActivityKind.Server
            && span.Source.Name == "Microsoft.AspNetCore" && span.GetTagItem(TelemetrySetup.CorrelationTag) as string == correlationId)),
            span => span is not null, $"the transfer's server span tagged {TelemetrySetup.CorrelationTag}={correlationId}", TimeSpan.FromSeconds(10));
        List<Activity> trace = [];
        await Eventually.Until(() =>
            {
                trace = [.. traced.Spans.Snapshot().Where(span => span.TraceId == server!.TraceId)];
                return Task.FromResult(trace.Any(IsTransferGrainCall) && trace.Any(span => span.Source.Name == "Npgsql"));
            },
            "the transfer grain's call and a database command in the request's trace", TimeSpan.FromSeconds(10),
            () => string.Join("\n", trace.Select(span => $"{span.Source.Name} {span.Kind} {span.DisplayName}")));

        Assert.Equal("POST", server!.GetTagItem("http.request.method"));
        Assert.Equal(201, server.GetTagItem("http.response.status_code"));
        var grainCalls = trace.Where(span => span.Source.Name.StartsWith("Microsoft.Orleans", StringComparison.Ordinal)).ToList();
        Assert.Contains(grainCalls, span => span.Kind == ActivityKind.Server && IsTransferGrainCall(span) && span.GetBaggageItem(TelemetrySetup.CorrelationTag) == correlationId);
        Assert.Contains(grainCalls, span => span.DisplayName == "IWalletGrain/Debit");
        Assert.Contains(trace, span => span.Source.Name == "Wallet" && span.DisplayName == "group commit");
        Assert.All(trace.Where(span => span != server), span => Assert.NotEqual(default, span.ParentSpanId));
        Assert.Equal(1_000 - 250, await alice.Balance(from));
        Assert.Equal(250, await bob.Balance(to));
    }

    [Trait("Speed", "Slow")]
    [Fact]
    public async Task What_the_cluster_does_on_its_own_starts_no_trace()
    {
        var before = traced.Spans.Snapshot().Count;
        var customer = await Register(traced.Api);
        await customer.OpenWallet();

        var spans = traced.Spans.Snapshot();
        var roots = spans.Where(span => span.ParentSpanId == default).ToList();
        Assert.True(spans.Count > before, "the customer's requests were traced");
        Assert.All(roots, root => Assert.Equal("Microsoft.AspNetCore", root.Source.Name));
    }

    /// <summary>Orleans names a grain call's span by its interface and method.</summary>
    private static bool IsTransferGrainCall(Activity span) => span.DisplayName == "ITransferGrain/Transfer";
}
