using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using static Wallet.Tests.Infrastructure.ApiCustomer;

namespace Wallet.Tests.Infrastructure;

/// <summary>The seeded operator: checks the books after every test that moves money.</summary>
public static class Operator
{
    public static Task<HttpClient> SignIn(ApiFixture api) => SignIn(api.CreateClient(), ApiFixture.OperatorPhone, ApiFixture.OperatorPassword);

    public static async Task<HttpClient> SignIn(HttpClient http, string phone, string password)
    {
        var token = await Json(await http.PostAsJsonAsync("/v1/auth/token", new { phone, password }), HttpStatusCode.OK);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("accessToken").GetString());
        return http;
    }

    public static async Task AssertBooksBalance(ApiFixture api) => await AssertBooksBalance(await SignIn(api));

    public static async Task AssertBooksBalance(HttpClient signedInOperator)
    {
        var check = await Json(await signedInOperator.GetAsync("/v1/ops/ledger/check"), HttpStatusCode.OK);
        Assert.True(check.GetProperty("balanced").GetBoolean(), $"the books must sum to zero: {check}");
        Assert.Equal(0, check.GetProperty("negativeWallets").GetInt64());
    }
}
