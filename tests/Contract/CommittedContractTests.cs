using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Wallet.Tests.Infrastructure;

namespace Wallet.Tests.Contract;

/// <summary>
/// docs/openapi.json is the contract clients are generated from (tests/client does): the running API serves
/// exactly it, apart from the server address. After a deliberate change to the API, refresh it with
/// <c>WALLET_UPDATE_CONTRACT=1 dotnet test --filter CommittedContract</c> and review the diff.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class CommittedContractTests(ApiFixture api)
{
    [Fact]
    public async Task The_API_serves_the_committed_contract()
    {
        var path = Repository.PathOf("docs", "openapi.json");
        var served = JsonNode.Parse(await api.CreateClient().GetStringAsync("/openapi/v1.json"))!.AsObject();
        var committed = JsonNode.Parse(await File.ReadAllTextAsync(path))!.AsObject();
        served["servers"] = committed["servers"]?.DeepClone();

        if (Environment.GetEnvironmentVariable("WALLET_UPDATE_CONTRACT") == "1")
        {
            var options = new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
            await File.WriteAllTextAsync(path, served.ToJsonString(options) + "\n");
            return;
        }
        Assert.True(JsonNode.DeepEquals(served, committed),
            "The API no longer serves docs/openapi.json. If the change is meant, refresh it: WALLET_UPDATE_CONTRACT=1 dotnet test --filter CommittedContract");
    }
}
