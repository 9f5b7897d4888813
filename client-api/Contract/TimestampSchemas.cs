using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Wallet.Wire;

namespace Wallet.ClientApi.Contract;

/// <summary>
/// Timestamps are written by <see cref="UtcTimestamps"/>, a converter of our own, and the document generator
/// describes a type with a custom converter as anything at all: this says again that they are strings in
/// ISO 8601 (<c>date-time</c>), null where the field may be.
/// </summary>
public sealed class TimestampSchemas : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo.Type;
        if (type == typeof(DateTimeOffset) || type == typeof(DateTimeOffset?))
        {
            schema.Type = type == typeof(DateTimeOffset) ? JsonSchemaType.String : JsonSchemaType.String | JsonSchemaType.Null;
            schema.Format = "date-time";
        }
        return Task.CompletedTask;
    }
}
