using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Wallet.Merchants;
using Wallet.Webhooks;

namespace Wallet.Tests.Infrastructure;

/// <summary>
/// A merchant's webhook endpoint, as a merchant would write one: real HTTP on 127.0.0.1, every
/// request's signature checked with the merchant's secret, and events de-duplicated by id (a repeat
/// is recorded and marked). It can be told to fail: it still records what came, then answers 500.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, byte> _seen = new();
    private int _failNext;
    private int _accepted;

    private WebhookReceiver(WebApplication app, int port)
    {
        _app = app;
        Url = $"http://127.0.0.1:{port}/hooks/wallet?shop=7";
    }

    /// <summary>The endpoint, with a query string: the signature covers path and query.</summary>
    public string Url { get; }

    /// <summary>The secret signatures are checked with: the merchant's current one.</summary>
    public string Secret { get; set; } = "";

    /// <summary>When true, every request is answered 500 (after it is recorded).</summary>
    public bool Failing { get; set; }

    public ConcurrentQueue<ReceivedWebhook> Received { get; } = new();

    /// <summary>How many requests were answered 200.</summary>
    public int Accepted => _accepted;

    /// <summary>Events taken for the first time, whatever the answer was.</summary>
    public IReadOnlyList<ReceivedWebhook> Distinct => [.. Received.Where(r => !r.Duplicate)];

    /// <summary>The next <paramref name="count"/> requests are answered 500, as if the receiver had processed them and crashed before answering.</summary>
    public void FailNext(int count) => Interlocked.Exchange(ref _failNext, count);

    public static async Task<WebhookReceiver> Start()
    {
        var port = FreePorts.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app, port);
        app.MapPost("/hooks/wallet", receiver.Take);
        await app.StartAsync();
        return receiver;
    }

    private async Task<IResult> Take(HttpRequest request)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer);
        var body = buffer.ToArray();
        var eventId = request.Headers[WebhookHeaders.EventId].ToString();
        var signed = SignatureValid(request, body);
        var duplicate = !_seen.TryAdd(eventId, 0);
        Received.Enqueue(new ReceivedWebhook(eventId, request.Headers[WebhookHeaders.EventType].ToString(),
            int.Parse(request.Headers[WebhookHeaders.Attempt].ToString(), CultureInfo.InvariantCulture), signed, duplicate,
            request.Headers["X-Merchant-Id"].ToString(), JsonDocument.Parse(body).RootElement.Clone()));
        var failOnce = Interlocked.Decrement(ref _failNext) >= 0;
        if (Failing || failOnce || !signed)
        {
            return Results.StatusCode(500);
        }
        Interlocked.Increment(ref _accepted);
        return Results.Ok();
    }

    private bool SignatureValid(HttpRequest request, byte[] body)
    {
        var timestamp = request.Headers["X-Timestamp"].ToString();
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || Math.Abs(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - seconds) > MerchantSignatures.Window.TotalSeconds)
        {
            return false;
        }
        var canonical = MerchantSignatures.Canonical(request.Method, request.Path + request.QueryString, timestamp,
            request.Headers["X-Nonce"].ToString(), MerchantSignatures.BodyHash(body));
        var expected = Encoding.ASCII.GetBytes(MerchantSignatures.Sign(Secret, canonical));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(request.Headers["X-Signature"].ToString()));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>One request as the receiver took it; <see cref="Duplicate"/> when its event id had come before.</summary>
public sealed record ReceivedWebhook(string EventId, string Type, int Attempt, bool SignatureValid, bool Duplicate, string MerchantId, JsonElement Body);
