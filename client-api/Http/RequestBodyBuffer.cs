using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace Wallet.ClientApi.Http;

/// <summary>
/// Reads every request body once, up to 64 KiB (or the route's own <see cref="BodyLimit"/>): larger is refused with 413 before any handler
/// runs, and the SHA-256 of the exact bytes becomes the request's idempotency fingerprint. A body
/// declared in any charset but UTF-8 is refused with 415: JSON between systems is UTF-8 (RFC 8259 §8.1),
/// and the framework's reader throws on a charset it does not know, which was a 500 with a stack trace.
/// </summary>
public sealed class RequestBodyBuffer(RequestDelegate next)
{
    public const int Limit = 64 * 1024;
    private const string FingerprintItem = "wallet.body-sha256";

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<BodyLimit>()?.Bytes ?? Limit;
        var tooLarge = $"The request body is over {limit / 1024} KiB.";
        if (request.ContentLength > limit)
        {
            await Problems.For(Problems.PayloadTooLarge, tooLarge).ExecuteAsync(context);
            return;
        }
        if (!IsUtf8OrUnstated(request.ContentType))
        {
            await Problems.For(Problems.UnsupportedMediaType, "Send the body as application/json in UTF-8 (no charset, or charset=utf-8).").ExecuteAsync(context);
            return;
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > limit)
            {
                await Problems.For(Problems.PayloadTooLarge, tooLarge).ExecuteAsync(context);
                return;
            }
        }
        var bytes = buffer.ToArray();
        context.Items[FingerprintItem] = Convert.ToHexStringLower(SHA256.HashData(bytes));
        request.Body = new MemoryStream(bytes, writable: false);
        await next(context);
    }

    /// <summary>
    /// No charset, or UTF-8 by either of its names. A content type that does not parse is left to the
    /// endpoint, which refuses anything but JSON with 415.
    /// </summary>
    private static bool IsUtf8OrUnstated(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var mediaType) || !mediaType.Charset.HasValue)
        {
            return true;
        }
        var charset = HeaderUtilities.RemoveQuotes(mediaType.Charset).ToString();
        return charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || charset.Equals("utf8", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The lowercase hex SHA-256 of the request's exact body bytes (of nothing, when there is no body).</summary>
    public static string BodySha256Of(HttpContext context) => (string)context.Items[FingerprintItem]!;

    /// <summary>Method, path and body: a replay matches only the same request to the same resource.</summary>
    public static string FingerprintOf(HttpContext context)
        => $"{context.Request.Method} {context.Request.Path} {context.Items[FingerprintItem]}";
}

/// <summary>A route's own limit on its request body, where it takes more than the usual 64 KiB (a support message with its images).</summary>
public sealed record BodyLimit(long Bytes);
