namespace Wallet.ClientApi.Contract;

/// <summary>
/// A request header an endpoint reads, declared on its route so the OpenAPI document lists it as a parameter
/// (a generated client then has an argument for it). The handler's reading and the declaration are tied:
/// <see cref="Http.IdempotencyKeys.Read"/> refuses to run on a route that does not declare its header.
/// </summary>
public sealed record HeaderParameter(string Name, bool Required, string Description);

public static class HeaderParameters
{
    /// <summary>Declares that the endpoint reads the header.</summary>
    public static TBuilder WithHeader<TBuilder>(this TBuilder builder, string name, bool required, string description)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new HeaderParameter(name, required, description));

    /// <summary>Declares the <c>Idempotency-Key</c> header: the caller's name for this request, making a repeat safe.</summary>
    public static TBuilder WithIdempotencyKey<TBuilder>(this TBuilder builder, bool required)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithHeader(Http.IdempotencyKeys.Header, required,
            "1 to 255 characters naming this request for its caller. The same key with the same body returns the first " +
            "answer and acts once; the same key with another body is 422." +
            (required ? "" : " Without it the request is not idempotent."));
}
