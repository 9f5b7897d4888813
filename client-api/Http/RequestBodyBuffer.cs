using System.Security.Cryptography;

namespace Wallet.ClientApi.Http;

/// <summary>
/// Reads every request body once, up to 64 KiB: larger is refused with 413 before any handler
/// runs, and the SHA-256 of the exact bytes becomes the request's idempotency fingerprint.
/// </summary>
public sealed class RequestBodyBuffer(RequestDelegate next)
{
    public const int Limit = 64 * 1024;
    private const string FingerprintItem = "wallet.body-sha256";

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.ContentLength > Limit)
        {
            await Problems.For(Problems.PayloadTooLarge, "The request body is over 64 KiB.").ExecuteAsync(context);
            return;
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > Limit)
            {
                await Problems.For(Problems.PayloadTooLarge, "The request body is over 64 KiB.").ExecuteAsync(context);
                return;
            }
        }
        var bytes = buffer.ToArray();
        context.Items[FingerprintItem] = Convert.ToHexStringLower(SHA256.HashData(bytes));
        request.Body = new MemoryStream(bytes, writable: false);
        await next(context);
    }

    /// <summary>The lowercase hex SHA-256 of the request's exact body bytes (of nothing, when there is no body).</summary>
    public static string BodySha256Of(HttpContext context) => (string)context.Items[FingerprintItem]!;

    /// <summary>Method, path and body: a replay matches only the same request to the same resource.</summary>
    public static string FingerprintOf(HttpContext context)
        => $"{context.Request.Method} {context.Request.Path} {context.Items[FingerprintItem]}";
}
