using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.OpenApi;
using Wallet.ClientApi.Http;
using Wallet.Refusals;

namespace Wallet.ClientApi.Contract;

/// <summary>
/// The error answers in the document: every operation lists the codes it can answer with, each under its status
/// (from <see cref="Problems.StatusFor"/>, the one table) as an <c>application/problem+json</c> body. The codes are
/// the route's own: those its shape brings (its authorization, parameters and body, Idempotency-Key, rate limit
/// and path id) and the refusals it declares with <see cref="MayRefuseRoutes.MayRefuse"/>. A status with none is not listed.
/// </summary>
public sealed class ProblemResponses : IOpenApiDocumentTransformer, IOpenApiOperationTransformer
{
    public const string SchemaName = "Problem";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        // Every 400 is described with the one problem schema (its errors map included).
        document.Components.Schemas.Remove("HttpValidationProblemDetails");
        document.Components.Schemas[SchemaName] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "An RFC 9457 problem. `code` is the machine-readable reason; some problems carry more fields: " +
                "`errors` for invalid fields, and the facts a client acts on (`remainingAttempts`, `lockedUntil`, `limit`, `limitAmount`, `limitRemaining`, `currency`, `movementId`).",
            Required = new HashSet<string> { "type", "title", "status", "code" },
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["type"] = Text("A URI naming the kind of problem (one per code)."),
                ["title"] = Text("The code in words."),
                ["status"] = Integer("int32", "The HTTP status."),
                ["detail"] = Text("What went wrong with this request, for a person."),
                ["code"] = Text("Why, for a program: one of the codes listed with the response."),
                ["remainingAttempts"] = Integer("int32", "Of `invalid_pin` and `pin_locked`: the wrong PINs left before payments lock (0 once locked)."),
                ["lockedUntil"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.String, Format = "date-time",
                    Description = "Of `pin_locked` and `login_locked`: when the lock ends by itself (UTC, ISO 8601).",
                },
                ["limit"] = Text("Of `limit_exceeded` and `balance_cap_exceeded`: which limit was met (`single`, `daily`, `yearly` or `balance_cap`)."),
                ["limitAmount"] = Integer("int64", "Of a limit met: the limit, an integer in minor units of `currency`."),
                ["limitRemaining"] = Integer("int64", "Of a limit met: how much is left under it now, an integer in minor units of `currency`: what may " +
                    "still go out today (`daily`) or this year (`yearly`), the most one movement may be (`single`), or what the wallet may still receive (`balance_cap`)."),
                ["currency"] = Text("Of a limit met: ISO 4217 code of `limitAmount` and `limitRemaining` (the wallet's currency)."),
                ["movementId"] = Text("Of a refused movement: its id (`tr_…`, `py_…`, `ch_…` and so on: the prefix says its kind), under which a replay or a GET finds the same outcome."),
                ["errors"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Description = "Invalid fields (400 only): the field's path and what is wrong with it.",
                    AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = Text("A message.") },
                },
            },
            AdditionalPropertiesAllowed = true,
        };
        return Task.CompletedTask;
    }

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var codes = RouteCodes(context.Description, operation, metadata)
            .Concat(metadata.OfType<MayRefuse>().SelectMany(m => m.Codes))
            .Distinct()
            .GroupBy(Problems.StatusFor)
            .ToDictionary(g => g.Key, g => g.Order(StringComparer.Ordinal).ToArray());

        operation.Responses ??= new OpenApiResponses();
        foreach (var (status, listed) in codes.OrderBy(c => c.Key))
        {
            var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
            // Each status's codes as the code's enum, a 400 too (the problem schema carries its errors map).
            var schema = new OpenApiSchema
            {
                AllOf = [new OpenApiSchemaReference(SchemaName, context.Document)],
                Properties = new Dictionary<string, IOpenApiSchema>
                {
                    ["code"] = new OpenApiSchema
                    {
                        Type = JsonSchemaType.String,
                        Description = "Why, for a program: one of the codes this operation answers with under this status.",
                        Enum = [.. listed.Select(c => (JsonNode)JsonValue.Create(c))],
                    },
                },
            };
            operation.Responses[key] = new OpenApiResponse
            {
                Description = Describe(status, listed),
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/problem+json"] = new() { Schema = schema },
                },
            };
        }
        return Task.CompletedTask;
    }

    private static string Describe(int status, string[] codes)
        => $"{ReasonPhrases.GetReasonPhrase(status)}: `code` is one of {string.Join(", ", codes.Select(c => $"`{c}`"))}.";

    /// <summary>
    /// The codes the route's shape brings, whatever its handler does: reading a body or parameters, signing in,
    /// an id in the path, an Idempotency-Key, a rate limit, and the cluster or its database not answering.
    /// </summary>
    private static IEnumerable<string> RouteCodes(ApiDescription description, OpenApiOperation operation, IList<object> metadata)
    {
        var takesBody = operation.RequestBody is not null;
        var headers = metadata.OfType<HeaderParameter>().ToList();
        if (takesBody || headers.Count > 0 || operation.Responses?.ContainsKey("400") == true
            || description.ParameterDescriptions.Any(p => p.Source == BindingSource.Query))
        {
            yield return RefusalCodes.ValidationFailed;
            yield return Problems.BadRequest; // a 400 the framework set without a body
        }
        if (takesBody)
        {
            yield return Problems.MalformedJson;
            yield return Problems.UnknownField;
            yield return Problems.PayloadTooLarge;
            yield return Problems.UnsupportedMediaType;
        }
        if (headers.Any(h => h.Name == IdempotencyKeys.Header))
        {
            yield return RefusalCodes.IdempotencyKeyReused; // the same key with another request
            if (headers.Any(h => h.Name == IdempotencyKeys.Header && h.Required))
            {
                yield return Problems.IdempotencyKeyRequired;
            }
        }
        var caller = SecuritySchemes.AuthenticationOf(metadata);
        if (caller is not null)
        {
            yield return Problems.Unauthorized;
        }
        if (caller is CallerKind.Merchant)
        {
            // Which check of the signed request failed (MerchantAuthenticationHandler).
            yield return Problems.UnknownMerchant;
            yield return Problems.MalformedSignature;
            yield return Problems.StaleTimestamp;
            yield return Problems.ReusedNonce;
            yield return Problems.BadSignature;
        }
        if (caller is CallerKind.Customer or CallerKind.Operator && description.HttpMethod is not ("GET" or "HEAD"))
        {
            yield return Problems.CsrfTokenInvalid; // signed in by the web session's cookie, without its CSRF token
        }
        if (caller is CallerKind.Operator)
        {
            yield return Problems.Forbidden; // signed in, but not as an operator
        }
        if (description.RelativePath?.Contains('{', StringComparison.Ordinal) == true)
        {
            yield return RefusalCodes.NotFound; // no such id, or not the caller's
        }
        if (metadata.OfType<EnableRateLimitingAttribute>().Any() || metadata.OfType<Hosting.SpendsTexts>().Any())
        {
            yield return Problems.TooManyRequests;
        }
        yield return RefusalCodes.StorageUnavailable;
        yield return Problems.TemporarilyUnavailable;
    }

    private static OpenApiSchema Text(string description) => new() { Type = JsonSchemaType.String, Description = description };

    private static OpenApiSchema Integer(string format, string description) => new() { Type = JsonSchemaType.Integer, Format = format, Description = description };
}
