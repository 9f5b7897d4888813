using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.OpenApi;
using Wallet.ClientApi.Http;
using Wallet.Refusals;

namespace Wallet.ClientApi.Contract;

/// <summary>
/// The error answers in the document: every operation lists the statuses it can answer with, each an
/// <c>application/problem+json</c> body whose <c>code</c> says what went wrong, with the codes that status
/// carries (from <see cref="Problems.StatusFor"/>, the one table). Which statuses apply is read from the route:
/// its authorization, its parameters and body, its rate limit and its method.
/// </summary>
public sealed class ProblemResponses : IOpenApiDocumentTransformer, IOpenApiOperationTransformer
{
    public const string SchemaName = "Problem";

    /// <summary>Every code the API answers with, by the status it comes with.</summary>
    public static IReadOnlyDictionary<int, string[]> CodesByStatus { get; } =
        typeof(RefusalCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Concat(typeof(Problems).GetFields(BindingFlags.Public | BindingFlags.Static))
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)
            .Distinct()
            .GroupBy(Problems.StatusFor)
            .ToDictionary(g => g.Key, g => g.Order(StringComparer.Ordinal).ToArray());

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
                ["movementId"] = Text("Of a refused movement: its id (`mv_…`), under which a replay or a GET finds the same outcome."),
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
        var description = context.Description;
        var metadata = description.ActionDescriptor.EndpointMetadata;
        var caller = SecuritySchemes.AuthenticationOf(metadata);
        var method = description.HttpMethod ?? "GET";
        var changes = !HttpMethods.IsGet(method);
        var takesBody = operation.RequestBody is not null;
        var statuses = new SortedSet<int>();
        if (takesBody || description.ParameterDescriptions.Count > 0 || metadata.OfType<HeaderParameter>().Any()
            || operation.Responses?.ContainsKey("400") == true)
        {
            statuses.Add(StatusCodes.Status400BadRequest);
        }
        if (caller is not null)
        {
            statuses.Add(StatusCodes.Status401Unauthorized);
        }
        if (caller is CallerKind.Operator || changes && caller is not null)
        {
            statuses.Add(StatusCodes.Status403Forbidden);
        }
        if (description.RelativePath?.Contains('{', StringComparison.Ordinal) == true)
        {
            statuses.Add(StatusCodes.Status404NotFound);
        }
        if (changes)
        {
            statuses.Add(StatusCodes.Status409Conflict);
            statuses.Add(StatusCodes.Status422UnprocessableEntity);
        }
        if (takesBody)
        {
            statuses.Add(StatusCodes.Status413PayloadTooLarge);
            statuses.Add(StatusCodes.Status415UnsupportedMediaType);
        }
        if (metadata.OfType<EnableRateLimitingAttribute>().Any() || metadata.OfType<Hosting.SpendsTexts>().Any())
        {
            statuses.Add(StatusCodes.Status429TooManyRequests);
        }
        statuses.Add(StatusCodes.Status503ServiceUnavailable);
        foreach (var code in metadata.OfType<MayRefuse>().SelectMany(m => m.Codes))
        {
            statuses.Add(Problems.StatusFor(code));
        }

        operation.Responses ??= new OpenApiResponses();
        foreach (var status in statuses)
        {
            var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var codes = CodesByStatus.GetValueOrDefault(status, []);
            var schema = status == StatusCodes.Status400BadRequest || codes.Length == 0
                ? (IOpenApiSchema)new OpenApiSchemaReference(SchemaName, context.Document)
                : new OpenApiSchema
                {
                    AllOf = [new OpenApiSchemaReference(SchemaName, context.Document)],
                    Properties = new Dictionary<string, IOpenApiSchema>
                    {
                        ["code"] = new OpenApiSchema
                        {
                            Type = JsonSchemaType.String,
                            Description = "Why, for a program: one of the codes this status comes with.",
                            Enum = [.. codes.Select(c => (JsonNode)JsonValue.Create(c))],
                        },
                    },
                };
            operation.Responses[key] = new OpenApiResponse
            {
                Description = Describe(status, codes),
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/problem+json"] = new() { Schema = schema },
                },
            };
        }
        return Task.CompletedTask;
    }

    private static string Describe(int status, string[] codes)
    {
        var reason = ReasonPhrases.GetReasonPhrase(status);
        return codes.Length == 0 ? reason : $"{reason}: `code` is one of {string.Join(", ", codes.Select(c => $"`{c}`"))}.";
    }

    private static OpenApiSchema Text(string description) => new() { Type = JsonSchemaType.String, Description = description };

    private static OpenApiSchema Integer(string format, string description) => new() { Type = JsonSchemaType.Integer, Format = format, Description = description };
}
