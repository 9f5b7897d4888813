using Wallet.ClientApi.Contract;
using Wallet.Identity;

namespace Wallet.ClientApi.Http;

/// <summary>Reads the <c>Idempotency-Key</c> header: 1 to 255 characters, scoped to the caller.</summary>
public static class IdempotencyKeys
{
    public const string Header = "Idempotency-Key";

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
            key = Ids.New("auto");
        }
        if (string.IsNullOrEmpty(key) || key.Length > 255)
        {
            return (null, Problems.Validation(Header, "Send one Idempotency-Key header of 1 to 255 characters.",
                values.Count == 0 ? Problems.IdempotencyKeyRequired : null));
        }
        return (new IdempotentRequest(key, RequestBodyBuffer.FingerprintOf(context)), null);
    }
}
