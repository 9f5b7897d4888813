using System.Net;
using System.Net.Http.Json;
using Wallet.Tests.Infrastructure;
using static Wallet.Tests.Infrastructure.ApiCustomer;

namespace Wallet.Tests.Products;

/// <summary>The bank's products through HTTP, as operators set them up and customers become able to buy them.</summary>
public static class ProductApi
{
    /// <summary>A money-market fund at 2.50%, R1, published.</summary>
    public static object FundBody(string name = "余额宝 Money fund") => new { name, kind = "money_market", riskLevel = 1, annualRateBasisPoints = 250, demandRateBasisPoints = 35, minimumAmount = 100 };

    /// <summary>Sets a product up and publishes it; answers its id.</summary>
    public static async Task<string> Published(HttpClient ops, object body)
    {
        var created = await Json(await ops.PostAsJsonAsync("/v1/ops/products", body), HttpStatusCode.Created);
        var id = created.GetProperty("product").GetProperty("productId").GetString()!;
        await Json(await ops.PostAsync($"/v1/ops/products/{id}/publish", null), HttpStatusCode.OK);
        return id;
    }

    /// <summary>A customer at tier 2 (real name verified, then a debit card in it bound) with a wallet holding <paramref name="funds"/>.</summary>
    public static async Task<(ApiCustomer Customer, string Wallet)> Investor(ApiFixture api, long funds)
    {
        var customer = await Register(api);
        await Json(await customer.Http.PostAsJsonAsync("/v1/me/verification", new { name = "韩梅梅", idNumber = TestData.IdNumber() }), HttpStatusCode.OK);
        var wallet = await customer.FundedWallet(funds);
        Assert.Equal(2, (await Json(await customer.Http.GetAsync("/v1/me"), HttpStatusCode.OK)).GetProperty("tier").GetInt32());
        return (customer, wallet);
    }
}
