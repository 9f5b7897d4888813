using System.Reflection;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Wallet.ClientApi.Contract;

/// <summary>
/// Which fields of a body are <c>required</c> and which may be null, as they really are. A response sends every
/// field (null ones included), so all are required, and a field may be null only where its CLR type says so. A
/// request's records are all-nullable for the sake of precise 400s, so there the document lists as required, and not
/// nullable, only the fields marked <see cref="RequiredFieldAttribute"/>; the rest may be left out or sent as null.
/// A type that is both sent and received (a transfer's target) follows the request's rules: a client must be able
/// to leave out what it may leave out.
/// </summary>
public sealed class FieldRules : IOpenApiSchemaTransformer, IOpenApiDocumentTransformer
{
    private HashSet<Type>? _requestTypes;

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo;
        // Nested objects come here too (with the property that holds them): the rules depend on the type alone.
        if (type.Kind != JsonTypeInfoKind.Object || schema.Properties is not { Count: > 0 })
        {
            return Task.CompletedTask;
        }
        var isRequest = RequestTypes(context.ApplicationServices).Contains(type.Type);
        var required = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in type.Properties)
        {
            if (!schema.Properties.TryGetValue(property.Name, out var propertySchema))
            {
                continue;
            }
            var marked = property.AttributeProvider?.IsDefined(typeof(RequiredFieldAttribute), inherit: false) == true;
            if (!isRequest || marked)
            {
                required.Add(property.Name);
            }
            if (isRequest && marked && propertySchema is OpenApiSchema inline && inline.Type is { } types)
            {
                inline.Type = types & ~JsonSchemaType.Null;
            }
        }
        schema.Required = required;
        return Task.CompletedTask;
    }

    /// <summary>
    /// What only the finished document shows: a field holding another schema is a reference, made nullable by a
    /// <c>oneOf</c> with null after the schema transformers ran. A required request field loses the null branch, and
    /// the field's description, which the generator puts on the reference inside the <c>oneOf</c>, moves up to
    /// the field where readers and generators look for it.
    /// </summary>
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        var schemas = document.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>();
        var requests = RequestTypes(context.ApplicationServices).Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var (name, component) in schemas)
        {
            if (component is not OpenApiSchema { Properties: { } properties } schema)
            {
                continue;
            }
            foreach (var (field, value) in properties.ToList())
            {
                if (value is not OpenApiSchema { OneOf: [OpenApiSchema { Type: JsonSchemaType.Null }, OpenApiSchemaReference target] } nullable)
                {
                    continue;
                }
                var description = nullable.Description ?? target.Description;
                if (requests.Contains(name) && schema.Required?.Contains(field) == true)
                {
                    properties[field] = new OpenApiSchemaReference(target.Reference.Id!, document) { Description = description };
                }
                else
                {
                    nullable.Description = description;
                    target.Description = null;
                }
            }
        }
        return Task.CompletedTask;
    }

    /// <summary>The types a route reads from a body, and the types of their fields, transitively.</summary>
    private HashSet<Type> RequestTypes(IServiceProvider services)
    {
        if (_requestTypes is { } known)
        {
            return known;
        }
        var types = new HashSet<Type>();
        var pending = new Stack<Type>(services.GetRequiredService<IApiDescriptionGroupCollectionProvider>().ApiDescriptionGroups.Items
            .SelectMany(g => g.Items)
            .SelectMany(d => d.ParameterDescriptions)
            .Where(p => p.Source == BindingSource.Body && p.Type is not null)
            .Select(p => p.Type));
        while (pending.TryPop(out var type))
        {
            type = Nullable.GetUnderlyingType(type) ?? type;
            if (type.IsPrimitive || type == typeof(string) || !types.Add(type))
            {
                continue;
            }
            foreach (var argument in type.IsArray ? [type.GetElementType()!] : type.GenericTypeArguments)
            {
                pending.Push(argument);
            }
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                pending.Push(property.PropertyType);
            }
        }
        return _requestTypes = types;
    }
}
