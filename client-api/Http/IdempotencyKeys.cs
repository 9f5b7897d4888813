using Wallet.ClientApi.Contract;
using Wallet.Identity;

namespace Wallet.ClientApi.Http;

/// <summary>Reads the <c>Idempotency-Key</c> header: 1 to 255 characters, scoped to the caller.</summary>
public static class IdempotencyKeys
{
    public const string Header = "Idempotency-Key";

    /// <summary>The header that says an answer is the recorded answer of an earlier request with the same key.</summary>
    public const string ReplayedHeader = "Idempotent-Replayed";

    /// <summary>
    /// Says on the answer that it is a replay (the outcome recorded by an earlier request under the same key),
    /// so a client can tell "done now" from "done before" without comparing bodies.
    /// </summary>
    public static void MarkReplay(HttpContext context, bool replayed)
    {
        if (replayed)
        {
            context.Response.Headers[ReplayedHeader] = "true";
        }
    }

    /// <summary>The request's key and fingerprint, or the problem to answer with.</summary>
    public static (IdempotentRequest? Request, ValidationProblem? Problem) Read(HttpContext context, bool required)
    {
        // The route declares the header for the OpenAPI document; a handler reading an undeclared one (or with
        // another requirement) would make the contract lie, so it fails in every test that calls it.
        if (context.GetEndpoint()?.Metadata.GetOrderedMetadata<HeaderParameter>().Any(h => h.Name == Header && h.Required == required) != true)
        {
            throw new InvalidOperationException($"The route {context.GetEndpoint()?.DisplayName} reads {Header} (required: {required}) without declaring it: add WithIdempotencyKey(required: {required}).");
        }
        var values = context.Request.Headers[Header];
        var key = values.Count == 1 ? values[0] : null;
        if (values.Count == 0 && !required)
        {
            key = Ids.New(IdPrefixes.GeneratedKey);
        }
        if (string.IsNullOrEmpty(key) || key.Length > 255)
        {
            return (null, Problems.Validation(Header, "Send one Idempotency-Key header of 1 to 255 characters.",
                values.Count == 0 ? Problems.IdempotencyKeyRequired : null));
        }
        return (new IdempotentRequest(key, RequestBodyBuffer.FingerprintOf(context)), null);
    }
}
