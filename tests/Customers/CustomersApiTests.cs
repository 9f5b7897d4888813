using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Wallet.Tests.Infrastructure;
using static Wallet.Tests.Infrastructure.ApiCustomer;

namespace Wallet.Tests.Customers;

[Collection(ApiCollection.Name)]
public sealed class CustomersApiTests(ApiFixture api)
{
    [Fact]
    public async Task Registering_gives_the_lowest_tier_and_signing_in_gives_a_bearer_token()
    {
        var http = api.CreateClient();
        var phone = TestData.Phone();

        var created = await Json(await http.PostAsJsonAsync("/v1/customers", new { phone, password = TestData.Password }), HttpStatusCode.Created);
        var token = await Json(await http.PostAsJsonAsync("/v1/auth/token", new { phone, password = TestData.Password }), HttpStatusCode.OK);

        Assert.StartsWith("cus_", created.GetProperty("customerId").GetString());
        Assert.Equal(4, created.GetProperty("tier").GetInt32());
        Assert.Equal("Bearer", token.GetProperty("tokenType").GetString());
        Assert.Equal(900, token.GetProperty("expiresIn").GetInt32());
    }

    [Fact]
    public async Task Registration_replayed_with_its_key_returns_the_same_response_and_a_second_registration_is_refused()
    {
        var http = api.CreateClient();
        var phone = TestData.Phone();
        async Task<HttpResponseMessage> Register(string key, string password)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/v1/customers") { Content = JsonContent.Create(new { phone, password }) };
            request.Headers.Add("Idempotency-Key", key);
            return await http.SendAsync(request);
        }

        var first = await Register("signup", TestData.Password);
        var replay = await Register("signup", TestData.Password);
        var other = await Register("another", TestData.Password);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, replay.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await replay.Content.ReadAsStringAsync());
        await Problem(other, HttpStatusCode.Conflict, "phone_taken");
    }

    [Theory]
    [InlineData("""{"phone":"12345","password":"long enough"}""", "phone")]
    [InlineData("""{"phone":"+8613800000000","password":"short"}""", "password")]
    [InlineData("""{"password":"long enough"}""", "phone")]
    [InlineData("""{"phone":"+8613800000000"}""", "password")]
    public async Task Registration_with_bad_fields_is_a_validation_problem(string body, string field)
    {
        var response = await api.CreateClient().PostAsync("/v1/customers", new StringContent(body, null, "application/json"));

        var problem = await Problem(response, HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"errors should name {field}: {problem}");
    }

    [Fact]
    public async Task Wrong_password_and_unknown_phone_are_the_same_401()
    {
        var customer = await ApiCustomer.Register(api, withPin: false);
        var http = api.CreateClient();

        var wrong = await http.PostAsJsonAsync("/v1/auth/token", new { phone = customer.Phone, password = "not-the-password" });
        var unknown = await http.PostAsJsonAsync("/v1/auth/token", new { phone = TestData.Phone(), password = TestData.Password });

        var a = await Problem(wrong, HttpStatusCode.Unauthorized, "invalid_credentials");
        var b = await Problem(unknown, HttpStatusCode.Unauthorized, "invalid_credentials");
        Assert.Equal(a.GetProperty("detail").GetString(), b.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Me_shows_profile_wallets_and_masked_cards_but_no_secrets()
    {
        var customer = await ApiCustomer.Register(api);
        var wallet = await customer.OpenWallet();
        var cardNumber = TestData.Card();
        await customer.BindVerifiedCard(cardNumber);

        var response = await customer.Http.GetAsync("/v1/me");
        var text = await response.Content.ReadAsStringAsync();
        var me = await Json(response, HttpStatusCode.OK);

        Assert.Equal(customer.Id, me.GetProperty("customerId").GetString());
        Assert.True(me.GetProperty("hasPaymentPin").GetBoolean());
        Assert.Equal(wallet, me.GetProperty("wallets")[0].GetProperty("walletId").GetString());
        Assert.Equal(cardNumber[..6] + new string('*', cardNumber.Length - 10) + cardNumber[^4..], me.GetProperty("cards")[0].GetProperty("masked").GetString());
        Assert.DoesNotContain(cardNumber, text, StringComparison.Ordinal);
        Assert.DoesNotContain("hash", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("token\"", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Changing_the_payment_pin_needs_the_current_one()
    {
        var customer = await ApiCustomer.Register(api);

        var withoutCurrent = await customer.Http.PutAsJsonAsync("/v1/me/payment-pin", new { pin = "135790" });
        var wrongCurrent = await customer.Http.PutAsJsonAsync("/v1/me/payment-pin", new { pin = "135790", currentPin = "000000" });
        var notDigits = await customer.Http.PutAsJsonAsync("/v1/me/payment-pin", new { pin = "12ab56" });
        var changed = await customer.Http.PutAsJsonAsync("/v1/me/payment-pin", new { pin = "135790", currentPin = TestData.Pin });

        await Problem(withoutCurrent, HttpStatusCode.Forbidden, "invalid_pin");
        await Problem(wrongCurrent, HttpStatusCode.Forbidden, "invalid_pin");
        await Problem(notDigits, HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-a-jwt")]
    [InlineData("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJjdXNfeCIsImF1ZCI6IndhbGxldC1vcmxlYW5zLWFwaSIsImlzcyI6IndhbGxldC1vcmxlYW5zIn0.c2lnbmF0dXJl")]
    public async Task Customer_routes_refuse_missing_or_forged_tokens(string? token)
    {
        var http = api.CreateClient();
        if (token is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        foreach (var path in new[] { "/v1/me", "/v1/wallets", "/v1/transfers/mv_x", "/v1/cards/card_x", "/v1/ops/ledger/check" })
        {
            await Problem(await http.GetAsync(path), HttpStatusCode.Unauthorized, "unauthorized");
        }
    }

    [Fact]
    public async Task Real_name_verification_raises_the_tier_to_3_shows_the_masked_number_and_replays()
    {
        var customer = await ApiCustomer.Register(api, withPin: false);

        var verified = await Json(await customer.Post("/v1/me/verification", new { name = "韩梅梅", idNumber = "310115199003071239" }), HttpStatusCode.OK);
        var again = await Json(await customer.Post("/v1/me/verification", new { name = "韩梅梅", idNumber = "310115199003071239" }), HttpStatusCode.OK);
        var me = await Json(await customer.Http.GetAsync("/v1/me"), HttpStatusCode.OK);

        Assert.Equal(3, verified.GetProperty("tier").GetInt32());
        Assert.Equal("3****************9", verified.GetProperty("idNumber").GetString());
        Assert.Equal(verified.ToString(), again.ToString());
        Assert.Equal(3, me.GetProperty("tier").GetInt32());
        Assert.Equal("韩梅梅", me.GetProperty("realName").GetString());
        Assert.Equal("3****************9", me.GetProperty("idNumber").GetString());
        Assert.DoesNotContain("310115199003071239", me.ToString());
    }

    [Fact]
    public async Task A_verified_customer_cannot_switch_to_another_identity_number()
    {
        var customer = await ApiCustomer.Register(api, withPin: false);
        await Json(await customer.Post("/v1/me/verification", new { name = "李雷", idNumber = "11010519491231002X" }), HttpStatusCode.OK);

        var other = await customer.Post("/v1/me/verification", new { name = "李雷", idNumber = "440524198001010013" });

        await Problem(other, HttpStatusCode.Conflict, "already_verified");
        Assert.Equal("1****************X", (await Json(await customer.Http.GetAsync("/v1/me"), HttpStatusCode.OK)).GetProperty("idNumber").GetString());
    }

    [Theory]
    [InlineData("""{"name":"李雷","idNumber":"310115199003071238"}""", HttpStatusCode.BadRequest, "validation_failed")]
    [InlineData("""{"name":"李雷"}""", HttpStatusCode.BadRequest, "validation_failed")]
    [InlineData("""{"name":" ","idNumber":"310115199003071239"}""", HttpStatusCode.BadRequest, "validation_failed")]
    [InlineData("""{"name":"李雷","idNumber":"110105209901011234"}""", HttpStatusCode.BadRequest, "invalid_id_number")]
    [InlineData("""{"name":"李雷","idNumber":"310115199003079994"}""", HttpStatusCode.UnprocessableEntity, "identity_not_confirmed")]
    public async Task A_verification_that_fails_leaves_the_customer_at_tier_4(string body, HttpStatusCode status, string code)
    {
        var customer = await ApiCustomer.Register(api, withPin: false);

        await Problem(await customer.PostRaw("/v1/me/verification", body), status, code);

        var me = await Json(await customer.Http.GetAsync("/v1/me"), HttpStatusCode.OK);
        Assert.Equal(4, me.GetProperty("tier").GetInt32());
        Assert.Equal(JsonValueKind.Null, me.GetProperty("idNumber").ValueKind);
    }

    [Fact]
    public async Task Verification_needs_a_signed_in_customer()
    {
        var response = await api.CreateClient().PostAsJsonAsync("/v1/me/verification", new { name = "李雷", idNumber = "11010519491231002X" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
