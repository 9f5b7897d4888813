using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Wallet.Tests.Infrastructure;
using static Wallet.Tests.Infrastructure.ApiCustomer;

namespace Wallet.Tests.Contract;

/// <summary>
/// One shape everywhere, as the README promises: ids named <c>{resource}Id</c>, one <c>from</c>/<c>to</c> object,
/// amounts beside their currency, timestamps in UTC ending in <c>Z</c>. Read from the document, so a new
/// response that breaks the pattern fails here, and from real answers for what the document cannot say.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed partial class ShapeContractTests(ApiFixture api)
{
    [Fact]
    public async Task Ids_are_named_for_what_they_name()
    {
        var schemas = await Schemas();
        var bare = schemas.SelectMany(s => Properties(s.Value).Where(p => p.Key == "id").Select(_ => s.Key)).ToList();
        Assert.True(bare.Count == 0, "a bare `id` says nothing of what it names; call it {resource}Id: " + string.Join(", ", bare));
    }

    [Fact]
    public async Task Every_from_and_to_is_a_party()
    {
        var schemas = await Schemas();
        var sides = schemas
            .SelectMany(s => Properties(s.Value).Where(p => p.Key is "from" or "to" or "counterparty").Select(p => (Where: $"{s.Key}.{p.Key}", Schema: p.Value)))
            .ToList();
        Assert.True(sides.Count >= 8, $"the movements' responses have their sides: {sides.Count}");
        // A transfer's request is the one exception: its `to` names a wallet or a phone number (TransferTarget).
        var other = sides.Where(s => s.Where != "TransferRequest.to" && !RefersTo(s.Schema, "Party")).Select(s => s.Where).ToList();
        Assert.True(other.Count == 0, "every side of a movement is the one Party object: " + string.Join(", ", other));
    }

    [Fact]
    public async Task Every_object_answered_with_amounts_says_their_currency()
    {
        var schemas = await Schemas();
        // A request's amount is in the currency of what it acts on (a refund in the payment's), so this is about answers.
        var moneyWithoutCurrency = schemas
            .Where(s => !s.Key.EndsWith("Request", StringComparison.Ordinal))
            .Where(s => Properties(s.Value).Any(p => IsAmount(p.Value)) && !Properties(s.Value).Any(p => p.Key == "currency"))
            .Select(s => s.Key)
            .ToList();
        Assert.True(moneyWithoutCurrency.Count == 0, "these carry amounts in minor units but not their currency: " + string.Join(", ", moneyWithoutCurrency));
        Assert.Contains(schemas, s => s.Key == "CampaignResponse" && Properties(s.Value).Any(p => p.Key == "currency")); // the test sees amounts
    }

    [Fact]
    public async Task Every_timestamp_answered_is_utc_ending_in_z()
    {
        var alice = await Register(api);
        var bob = await Register(api);
        var from = await alice.FundedWallet(5_000);
        await bob.OpenWallet();
        var sent = await Json(await alice.Post("/v1/transfers", new { fromWalletId = from, to = new { phone = bob.Phone }, amount = 100, currency = "CNY", pin = TestData.Pin }, "shape-1"),
            HttpStatusCode.Created);
        var answers = new List<JsonElement>
        {
            sent,
            await Json(await alice.Http.GetAsync("/v1/me"), HttpStatusCode.OK),
            await Json(await alice.Http.GetAsync($"/v1/wallets/{from}/transactions"), HttpStatusCode.OK),
            await Json(await alice.Http.GetAsync("/v1/me/export"), HttpStatusCode.OK),
        };
        var stamps = answers.SelectMany(Strings).Where(s => Timestamp().IsMatch(s)).ToList();

        Assert.True(stamps.Count >= 8, $"the answers carry timestamps: {string.Join(", ", stamps)}");
        Assert.All(stamps, s => Assert.Matches(UtcTimestamp(), s));
    }

    private async Task<List<KeyValuePair<string, JsonNode?>>> Schemas()
        => [.. JsonNode.Parse(await api.CreateClient().GetStringAsync("/openapi/v1.json"))!["components"]!["schemas"]!.AsObject()];

    private static IEnumerable<KeyValuePair<string, JsonNode?>> Properties(JsonNode? schema)
        => (schema?["properties"] as JsonObject)?.AsEnumerable()
            ?? (schema?["allOf"] as JsonArray)?.SelectMany(Properties)
            ?? [];

    private static bool RefersTo(JsonNode? schema, string name)
        => schema?["$ref"]?.GetValue<string>() == $"#/components/schemas/{name}"
            || (schema?["oneOf"] as JsonArray)?.Any(s => RefersTo(s, name)) == true;

    private static bool IsAmount(JsonNode? property)
        => property?["description"]?.GetValue<string>() is { } description && description.Contains("minor units", StringComparison.Ordinal)
            && property["type"]?.ToJsonString().Contains("integer", StringComparison.Ordinal) == true;

    private static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        _ => [],
    };

    [GeneratedRegex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d")]
    private static partial Regex Timestamp();

    [GeneratedRegex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,7})?Z$")]
    private static partial Regex UtcTimestamp();
}
