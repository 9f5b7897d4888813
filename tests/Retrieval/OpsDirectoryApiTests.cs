using System.Net;
using Wallet.Tests.Infrastructure;
using static Wallet.Tests.Infrastructure.ApiCustomer;

namespace Wallet.Tests.Retrieval;

/// <summary>
/// Operators list merchants (newest first, by name, a page at a time) and find customers by id or by phone
/// however it is written; a customer's profile shows its identity number masked and no secrets.
/// (The authorization matrix checks that customers get 403 on these routes.)
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class OpsDirectoryApiTests(ApiFixture api)
{
    [Fact]
    public async Task Merchants_are_listed_newest_first_by_name_a_page_at_a_time_and_found_by_id()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var older = await ApiMerchant.Onboard(api, name: $"Noodles {tag} One");
        var newer = await ApiMerchant.Onboard(api, name: $"noodles {tag} two");
        var unrelated = await ApiMerchant.Onboard(api, name: $"Tea {tag}");
        var ops = await Operator.SignIn(api);

        var first = await Json(await ops.GetAsync($"/v1/ops/merchants?name=NOODLES%20{tag}&limit=1"), HttpStatusCode.OK);
        var second = await Json(await ops.GetAsync($"/v1/ops/merchants?name=NOODLES%20{tag}&limit=1&cursor={first.GetProperty("nextCursor").GetString()}"), HttpStatusCode.OK);
        Assert.Equal([newer.Id], first.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("merchantId").GetString()));
        Assert.Equal([older.Id], second.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("merchantId").GetString()));
        Assert.Equal(JsonValueKindNull, second.GetProperty("nextCursor").ValueKind);
        var all = await Json(await ops.GetAsync("/v1/ops/merchants?limit=100"), HttpStatusCode.OK);
        Assert.Equal(unrelated.Id, all.GetProperty("items")[0].GetProperty("merchantId").GetString()); // the newest of all

        var one = await Json(await ops.GetAsync($"/v1/ops/merchants/{older.Id}"), HttpStatusCode.OK);
        Assert.Equal((older.Id, $"Noodles {tag} One", older.SettlementWalletId, 0L), (one.GetProperty("merchantId").GetString(), one.GetProperty("name").GetString(),
            one.GetProperty("settlementWalletId").GetString(), one.GetProperty("balance").GetInt64()));
        Assert.DoesNotContain(older.Secret, one.ToString(), StringComparison.Ordinal);
        await Problem(await ops.GetAsync("/v1/ops/merchants/mch_unknown"), HttpStatusCode.NotFound, "not_found");
        await Problem(await ops.GetAsync("/v1/ops/merchants/%20"), HttpStatusCode.NotFound, "not_found");
        await Problem(await ops.GetAsync("/v1/ops/merchants?cursor=nonsense"), HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task Customers_are_found_by_id_and_by_phone_written_any_way_with_the_identity_number_masked()
    {
        var alice = await Register(api);
        var idNumber = TestData.IdNumber();
        await Json(await alice.Post("/v1/me/verification", new { name = "韩梅梅", idNumber }), HttpStatusCode.OK);
        var wallet = await alice.OpenWallet();
        var ops = await Operator.SignIn(api);

        var byId = await Json(await ops.GetAsync($"/v1/ops/customers/{alice.Id}"), HttpStatusCode.OK);
        Assert.Equal((alice.Id, alice.Phone, 3, "none", wallet), (byId.GetProperty("customerId").GetString(), byId.GetProperty("phone").GetString(),
            byId.GetProperty("tier").GetInt32(), byId.GetProperty("restriction").GetString(), byId.GetProperty("wallets")[0].GetProperty("walletId").GetString()));
        Assert.Equal(idNumber[0] + new string('*', 16) + idNumber[^1], byId.GetProperty("idNumber").GetString());
        Assert.DoesNotContain(idNumber, byId.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(TestData.Pin, byId.ToString(), StringComparison.Ordinal);

        var national = alice.Phone[3..]; // +86 left off, and spaced as people write it
        var spaced = $"{national[..3]} {national[3..7]} {national[7..]}";
        var byPhone = await Json(await ops.GetAsync($"/v1/ops/customers?phone={Uri.EscapeDataString(spaced)}"), HttpStatusCode.OK);
        Assert.Equal(byId.ToString(), byPhone.GetProperty("items")[0].ToString());
        Assert.Equal(0, (await Json(await ops.GetAsync($"/v1/ops/customers?phone={Uri.EscapeDataString(TestData.Phone())}"), HttpStatusCode.OK)).GetProperty("items").GetArrayLength());
        await Problem(await ops.GetAsync("/v1/ops/customers?phone=12"), HttpStatusCode.BadRequest, "validation_failed");
        await Problem(await ops.GetAsync("/v1/ops/customers"), HttpStatusCode.BadRequest, "validation_failed");
        await Problem(await ops.GetAsync("/v1/ops/customers/cus_unknown"), HttpStatusCode.NotFound, "not_found");
        await Problem(await ops.GetAsync("/v1/ops/customers/mch_unknown"), HttpStatusCode.NotFound, "not_found");
        await Problem(await ops.GetAsync("/v1/ops/customers/%20"), HttpStatusCode.NotFound, "not_found");
    }

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;
}
