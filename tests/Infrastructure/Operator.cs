using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using static Wallet.Tests.Infrastructure.ApiCustomer;

namespace Wallet.Tests.Infrastructure;

/// <summary>The seeded operator: checks the books after every test that moves money.</summary>
public static class Operator
{
    public static async Task<HttpClient> SignIn(ApiFixture api)
    {
        var http = api.CreateClient();
        var token = await Json(await http.PostAsJsonAsync("/v1/auth/token", new { phone = ApiFixture.OperatorPhone, password = ApiFixture.OperatorPassword }), HttpStatusCode.OK);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("accessToken").GetString());
        return http;
    }

    public static async Task AssertBooksBalance(ApiFixture api)
    {
        var check = await Json(await (await SignIn(api)).GetAsync("/v1/ops/ledger/check"), HttpStatusCode.OK);
        Assert.True(check.GetProperty("balanced").GetBoolean(), $"the books must sum to zero: {check}");
        Assert.Equal(0, check.GetProperty("negativeWallets").GetInt64());
    }
}
