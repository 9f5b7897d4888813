using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Wallet.ClientApi.Contract;

/// <summary>
/// A route that answers a document in several formats (its <c>format</c> query parameter picks one): the JSON shape is
/// the route's declared response, and the document lists the other content types beside it as bytes, with the digest
/// header every document carries.
/// </summary>
public sealed record DocumentFormats(IReadOnlyList<string> ContentTypes);

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
            ok.Content[type] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } };
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
    /// <summary>Declares the route's JSON answer and the other formats it can answer in.</summary>
    public static RouteHandlerBuilder ProducesDocuments<TJson>(this RouteHandlerBuilder builder, params string[] contentTypes)
        => builder.Produces<TJson>(StatusCodes.Status200OK, "application/json").WithMetadata(new DocumentFormats(contentTypes));
}
