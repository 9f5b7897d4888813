using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Wallet.ClientApi.Contract;

/// <summary>
/// A route whose success may also be answered in another media type than JSON (a chart as SVG, when asked for): the
/// document lists it beside the JSON one, a string of that type. Results' types say only the JSON one.
/// </summary>
public sealed record AlsoServes(string MediaType);

public static class AlsoServesRoutes
{
    public static TBuilder AlsoServing<TBuilder>(this TBuilder builder, string mediaType) where TBuilder : IEndpointConventionBuilder
        => builder.WithMetadata(new AlsoServes(mediaType));
}

/// <summary>Adds each route's <see cref="AlsoServes"/> media type to its 200 answer.</summary>
public sealed class AlsoServedMediaTypes : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var also in context.Description.ActionDescriptor.EndpointMetadata.OfType<AlsoServes>())
        {
            if (operation.Responses?.TryGetValue("200", out var ok) == true && ok is OpenApiResponse response)
            {
                response.Content ??= new Dictionary<string, OpenApiMediaType>();
                response.Content[also.MediaType] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
            }
        }
        return Task.CompletedTask;
    }
}
