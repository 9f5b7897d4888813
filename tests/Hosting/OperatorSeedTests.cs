using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Wallet.Tests.Infrastructure;
using static Wallet.Tests.Infrastructure.ApiCustomer;

namespace Wallet.Tests.Hosting;

/// <summary>The configured operator's phone is normalised as every phone a person types is.</summary>
public sealed class OperatorSeedTests
{
    [Fact]
    public async Task An_operator_configured_with_a_bare_mainland_number_signs_in_with_it_and_with_its_country_code()
    {
        await using var api = ApiFixture.With(new Dictionary<string, string?>(TestSettings.Values)
        {
            ["Wallet:Operator:Phone"] = "13800000000",
            ["Wallet:Operator:Password"] = ApiFixture.OperatorPassword,
        });
        await api.InitializeAsync();

        foreach (var phone in new[] { "13800000000", "+8613800000000", "138 0000 0000" })
        {
            var http = api.CreateClient();
            var token = await Json(await http.PostAsJsonAsync("/v1/auth/token", new { phone, password = ApiFixture.OperatorPassword }), HttpStatusCode.OK);
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("accessToken").GetString());
            var me = await Json(await http.GetAsync("/v1/me"), HttpStatusCode.OK);
            Assert.Equal("+8613800000000", me.GetProperty("phone").GetString());
            await Json(await http.GetAsync("/v1/ops/ledger/check"), HttpStatusCode.OK); // an operator's route
        }
    }

    [Fact]
    public async Task A_configured_operator_phone_that_is_no_phone_number_stops_start_up_naming_its_key()
    {
        await using var api = ApiFixture.With(new Dictionary<string, string?>(TestSettings.Values)
        {
            ["Wallet:Operator:Phone"] = "call-me",
            ["Wallet:Operator:Password"] = ApiFixture.OperatorPassword,
        });

        var failure = await Assert.ThrowsAnyAsync<Exception>(api.InitializeAsync);

        Assert.Contains("Wallet:Operator:Phone", failure.ToString(), StringComparison.Ordinal);
    }
}
