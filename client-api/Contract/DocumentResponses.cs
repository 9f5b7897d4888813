using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Wallet.ClientApi.Contract;

/// <summary>
/// A route that answers in other media types than its JSON one when asked (a statement as CSV or PDF, a chart as SVG):
/// the document lists them beside the JSON answer — text as a string, anything else as bytes — and, for the bank's
/// documents (<paramref name="Digest"/>), the digest header they carry.
/// </summary>
public sealed record DocumentFormats(IReadOnlyList<string> ContentTypes, bool Digest);

public sealed class DocumentResponses : IOpenApiOperationTransformer
{
    public const string DigestHeader = "Repr-Digest";

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.Description.ActionDescriptor.EndpointMetadata.OfType<DocumentFormats>().FirstOrDefault() is not { } formats
            || operation.Responses?.GetValueOrDefault("200") is not OpenApiResponse ok)
        {
            return Task.CompletedTask;
        }
        ok.Content ??= new Dictionary<string, OpenApiMediaType>();
        foreach (var type in formats.ContentTypes)
        {
            var text = type.StartsWith("text/", StringComparison.Ordinal) || type.EndsWith("+xml", StringComparison.Ordinal);
            ok.Content[type] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = text ? null : "binary" } };
        }
        if (!formats.Digest)
        {
            return Task.CompletedTask;
        }
        ok.Headers ??= new Dictionary<string, IOpenApiHeader>();
        ok.Headers[DigestHeader] = new OpenApiHeader
        {
            Description = "The SHA-256 of the bytes answered (RFC 9530), `sha-256=:<base64>:`. A closed month's statement answers the same bytes every time.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, Pattern = "^sha-256=:[A-Za-z0-9+/=]+:$" },
        };
        return Task.CompletedTask;
    }
}

public static class DocumentRoutes
{
    /// <summary>Declares a document's JSON answer and the other formats it can answer in, each with its digest.</summary>
    public static RouteHandlerBuilder ProducesDocuments<TJson>(this RouteHandlerBuilder builder, params string[] contentTypes)
        => builder.Produces<TJson>(StatusCodes.Status200OK, "application/json").WithMetadata(new DocumentFormats(contentTypes, Digest: true));

    /// <summary>Declares that the route's JSON answer may also be asked for as <paramref name="mediaType"/> (a chart as SVG).</summary>
    public static TBuilder AlsoServing<TBuilder>(this TBuilder builder, string mediaType) where TBuilder : IEndpointConventionBuilder
        => builder.WithMetadata(new DocumentFormats([mediaType], Digest: false));
}
