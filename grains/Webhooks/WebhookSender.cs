using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Wallet.Merchants;

namespace Wallet.Webhooks;

/// <summary>
/// Makes one delivery attempt: a POST of the event's body, signed as merchant requests are
/// (X-Merchant-Id, X-Timestamp, X-Nonce, X-Signature over <c>POST\nPATH\nTIMESTAMP\nNONCE\nBODYHASH</c>
/// with the endpoint's path and query), plus the event's id, type and the attempt number.
/// </summary>
public sealed class WebhookSender(IOptions<WebhookOptions> options, TimeProvider time) : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler
    {
        PooledConnectionLifetime = TimeSpan.FromMinutes(2), // endpoints' DNS changes are seen
        AllowAutoRedirect = false, // a redirect is not an acknowledgement
        ConnectCallback = options.Value.AllowPrivateNetworks ? null : ConnectToPublicAddress,
    })
    { Timeout = options.Value.Timeout };

    /// <summary>
    /// Connects only after checking what the host resolves to now: a name that resolves to a private
    /// address (set up so, or changed after the endpoint was registered) is refused before any byte goes out.
    /// </summary>
    private static async ValueTask<Stream> ConnectToPublicAddress(SocketsHttpConnectionContext context, CancellationToken cancellation)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellation);
        if (addresses.Length == 0 || addresses.Any(PrivateNetworks.Contains))
        {
            throw new PrivateAddressException(host);
        }
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, cancellation);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public async Task<WebhookAttempt> Send(string url, IMerchantGrain merchant, string merchantId, WebhookEvent merchantEvent, int attempt)
    {
        var uri = new Uri(url);
        var body = Encoding.UTF8.GetBytes(merchantEvent.Body);
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var signature = await merchant.SignWebhook(uri.PathAndQuery, timestamp, nonce, MerchantSignatures.BodyHash(body));
        if (signature is null)
        {
            return new WebhookAttempt(false, null, "The merchant is unknown.");
        }
        using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add("X-Merchant-Id", merchantId);
        request.Headers.Add("X-Timestamp", timestamp);
        request.Headers.Add("X-Nonce", nonce);
        request.Headers.Add("X-Signature", signature);
        request.Headers.Add(WebhookHeaders.EventId, merchantEvent.EventId);
        request.Headers.Add(WebhookHeaders.EventType, merchantEvent.Type);
        request.Headers.Add(WebhookHeaders.Attempt, attempt.ToString(CultureInfo.InvariantCulture));
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            var status = (int)response.StatusCode;
            return new WebhookAttempt(response.IsSuccessStatusCode, status, response.IsSuccessStatusCode ? null : $"The endpoint answered {status}.");
        }
        catch (HttpRequestException refused) when (refused.InnerException is PrivateAddressException)
        {
            return new WebhookAttempt(false, null, refused.InnerException.Message);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            return new WebhookAttempt(false, null, exception is TaskCanceledException ? "The endpoint did not answer in time." : "The endpoint could not be reached.");
        }
    }

    public void Dispose() => _http.Dispose();
}

/// <summary>How one attempt went: accepted (2xx) or not, the status if there was an answer, and why not.</summary>
public sealed record WebhookAttempt(bool Accepted, int? ResponseStatus, string? Error);
