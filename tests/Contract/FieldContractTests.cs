using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Wallet.Tests.Infrastructure;

namespace Wallet.Tests.Contract;

/// <summary>
/// What a client generator learns about each field from the document: what it means (a description on every
/// field and parameter), whether it is always there (<c>required</c>) and whether it may be null.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class FieldContractTests(ApiFixture api)
{
    [Fact]
    public async Task Every_schema_field_and_parameter_is_described()
    {
        var document = await Document();
        var missing = new List<string>();
        foreach (var (name, schema) in document["components"]!["schemas"]!.AsObject())
        {
            if (schema?["description"] is null)
            {
                missing.Add($"schema {name}");
            }
            Walk(schema, $"#/components/schemas/{name}", missing);
        }
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                foreach (var parameter in operation!["parameters"]?.AsArray() ?? [])
                {
                    if (parameter!["description"] is null)
                    {
                        missing.Add($"{method.ToUpperInvariant()} {path} {parameter["in"]} parameter {parameter["name"]}");
                    }
                }
                foreach (var content in new[] { operation["requestBody"]?["content"] }.Concat(
                    operation["responses"]?.AsObject().Select(r => r.Value?["content"]) ?? []))
                {
                    foreach (var (mediaType, body) in content?.AsObject() ?? [])
                    {
                        Walk(body?["schema"], $"{method.ToUpperInvariant()} {path} {mediaType}", missing);
                    }
                }
            }
        }
        Assert.True(missing.Count == 0,
            "Describe these in the bank's words (a <param> in the record's or handler's doc comment):\n" + string.Join('\n', missing));
    }

    [Fact]
    public async Task Responses_mark_fields_required_and_nullable_as_they_are_sent()
    {
        var schemas = (await Document())["components"]!["schemas"]!;

        // Always sent, never null.
        AssertField(schemas, "TransferResponse", "transferId", required: true, nullable: false, "string");
        AssertField(schemas, "TransferResponse", "amount", required: true, nullable: false, "integer");
        AssertField(schemas, "TransferResponse", "to", required: true, nullable: false);
        AssertField(schemas, "WalletResponse", "limits", required: true, nullable: false);
        // Always sent, null where there is nothing to say: a tier without a limit, a transfer without a memo.
        foreach (var limit in new[] { "balanceCap", "single", "daily", "yearly" })
        {
            AssertField(schemas, "LimitsResponse", limit, required: true, nullable: true, "integer");
        }
        AssertField(schemas, "TransferResponse", "memo", required: true, nullable: true, "string");
        AssertField(schemas, "PaymentResponse", "promotion", required: true, nullable: true);
        // Positional parameters with a default value are still always sent.
        AssertField(schemas, "SettlementReport", "paidAt", required: true, nullable: true, "string");
        AssertField(schemas, "CouponView", "usedBy", required: true, nullable: true, "string");
    }

    [Fact]
    public async Task Requests_require_what_validation_refuses_to_go_without()
    {
        var schemas = (await Document())["components"]!["schemas"]!;

        AssertField(schemas, "TransferRequest", "fromWalletId", required: true, nullable: false, "string");
        AssertField(schemas, "TransferRequest", "to", required: true, nullable: false);
        AssertField(schemas, "TransferRequest", "amount", required: true, nullable: false, "integer");
        AssertField(schemas, "TransferRequest", "currency", required: true, nullable: false, "string");
        AssertField(schemas, "TransferRequest", "memo", required: false, nullable: true, "string");
        // Exactly one of the PIN and a device signature: neither alone is required.
        AssertField(schemas, "TransferRequest", "pin", required: false, nullable: true, "string");
        AssertField(schemas, "TransferRequest", "deviceSignature", required: false, nullable: true);
        // A type sent and received follows the request's rules: a target names a wallet or a phone, not both.
        AssertField(schemas, "TransferTarget", "walletId", required: false, nullable: true, "string");
        AssertField(schemas, "TransferTarget", "phone", required: false, nullable: true, "string");
        AssertField(schemas, "DeviceSignatureBody", "challengeId", required: true, nullable: false, "string");
        AssertField(schemas, "MerchantRequest", "nameLatin", required: false, nullable: true, "string");
        AssertField(schemas, "CampaignRequest", "kind", required: false, nullable: true);
    }

    [Fact]
    public async Task A_field_the_document_requires_is_still_answered_by_a_validation_problem_naming_it()
    {
        var customer = await ApiCustomer.Register(api);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/transfers") { Content = JsonContent.Create(new { memo = "lunch" }) };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));

        var response = await customer.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        foreach (var field in new[] { "fromWalletId", "to", "amount", "currency" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"errors should name {field}: {errors}");
        }
    }

    private async Task<JsonNode> Document() => JsonNode.Parse(await api.CreateClient().GetStringAsync("/openapi/v1.json"))!;

    /// <summary>Every property of an object schema, wherever it is (nested, in items, in a composition), has a description.</summary>
    private static void Walk(JsonNode? schema, string where, List<string> missing)
    {
        if (schema is not JsonObject node)
        {
            return;
        }
        foreach (var (field, property) in node["properties"]?.AsObject() ?? [])
        {
            if (property?["description"] is null)
            {
                missing.Add($"{where} field {field}");
            }
            Walk(property, $"{where}.{field}", missing);
        }
        Walk(node["items"], $"{where}[]", missing);
        Walk(node["additionalProperties"], $"{where}{{}}", missing);
        foreach (var composition in new[] { "allOf", "oneOf", "anyOf" })
        {
            foreach (var part in node[composition]?.AsArray() ?? [])
            {
                Walk(part, where, missing);
            }
        }
    }

    private static void AssertField(JsonNode schemas, string schemaName, string field, bool required, bool nullable, string? type = null)
    {
        var schema = schemas[schemaName] ?? throw new Xunit.Sdk.XunitException($"No schema {schemaName}.");
        var property = schema["properties"]?[field] ?? throw new Xunit.Sdk.XunitException($"No field {schemaName}.{field}.");
        var isRequired = schema["required"]?.AsArray().Any(r => r?.GetValue<string>() == field) == true;
        Assert.True(required == isRequired, $"{schemaName}.{field} should {(required ? "" : "not ")}be required: {schema["required"]?.ToJsonString()}");
        var types = property["type"] switch
        {
            JsonArray many => many.Select(t => t!.GetValue<string>()).ToList(),
            JsonValue one => [one.GetValue<string>()],
            _ => [],
        };
        var isNullable = types.Contains("null") || property["oneOf"]?.AsArray().Any(p => p?["type"]?.GetValue<string>() == "null") == true;
        Assert.True(nullable == isNullable, $"{schemaName}.{field} should {(nullable ? "" : "not ")}be nullable: {property.ToJsonString()}");
        if (type is not null)
        {
            Assert.Contains(type, types);
        }
    }
}
