using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Wallet.Tests.Infrastructure;
using static Wallet.Tests.Infrastructure.ApiCustomer;

namespace Wallet.Tests.Customers;

/// <summary>Sessions: refresh tokens rotate, a reused one ends the session, and logout or a new password end access at once.</summary>
[Collection(ApiCollection.Name)]
public sealed class SessionsApiTests(ApiFixture api)
{
    [Fact]
    public async Task A_refresh_rotates_the_token_and_presenting_the_old_one_again_ends_the_session()
    {
        var alice = await Register(api);
        var first = await SignIn(alice.Phone);

        var second = await Json(await Refresh(first.GetProperty("refreshToken").GetString()), HttpStatusCode.OK);
        Assert.NotEqual(first.GetProperty("refreshToken").GetString(), second.GetProperty("refreshToken").GetString());
        Assert.Equal(HttpStatusCode.OK, (await As(second).GetAsync("/v1/me")).StatusCode);
        Assert.InRange(second.GetProperty("refreshExpiresIn").GetInt32(), 29 * 86_400, 30 * 86_400);

        // The first token again: a copy exists somewhere, so the session ends for every holder.
        await Problem(await Refresh(first.GetProperty("refreshToken").GetString()), HttpStatusCode.Unauthorized, "invalid_refresh_token");
        await Problem(await Refresh(second.GetProperty("refreshToken").GetString()), HttpStatusCode.Unauthorized, "invalid_refresh_token");
        await Problem(await As(second).GetAsync("/v1/me"), HttpStatusCode.Unauthorized, "unauthorized");
        Assert.Equal(HttpStatusCode.OK, (await alice.Http.GetAsync("/v1/me")).StatusCode); // another session is untouched
    }

    [Fact]
    public async Task Logout_ends_that_sessions_access_and_refresh_tokens_at_once()
    {
        var alice = await Register(api);
        var session = await SignIn(alice.Phone);

        Assert.Equal(HttpStatusCode.NoContent, (await As(session).PostAsync("/v1/me/logout", null)).StatusCode);

        await Problem(await As(session).GetAsync("/v1/me"), HttpStatusCode.Unauthorized, "unauthorized");
        await Problem(await Refresh(session.GetProperty("refreshToken").GetString()), HttpStatusCode.Unauthorized, "invalid_refresh_token");
        Assert.Equal(HttpStatusCode.OK, (await alice.Http.GetAsync("/v1/me")).StatusCode);
    }

    [Fact]
    public async Task A_new_password_ends_every_session_and_a_wrong_current_password_changes_nothing()
    {
        var alice = await Register(api);
        var other = await SignIn(alice.Phone);

        await Problem(await alice.Http.PutAsJsonAsync("/v1/me/password", new { currentPassword = "not it at all", newPassword = "brand new Passw0rd" }),
            HttpStatusCode.Unauthorized, "invalid_credentials");
        Assert.Equal(HttpStatusCode.OK, (await As(other).GetAsync("/v1/me")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await alice.Http.PutAsJsonAsync("/v1/me/password",
            new { currentPassword = TestData.Password, newPassword = "brand new Passw0rd" })).StatusCode);

        await Problem(await alice.Http.GetAsync("/v1/me"), HttpStatusCode.Unauthorized, "unauthorized");
        await Problem(await As(other).GetAsync("/v1/me"), HttpStatusCode.Unauthorized, "unauthorized");
        await Problem(await Refresh(other.GetProperty("refreshToken").GetString()), HttpStatusCode.Unauthorized, "invalid_refresh_token");
        await SignIn(alice.Phone, "brand new Passw0rd");
    }

    [Fact]
    public async Task A_password_reset_ends_every_session()
    {
        var alice = await Register(api);
        var http = api.CreateClient();
        await http.PostAsJsonAsync("/v1/auth/password-reset-codes", new { phone = alice.Phone });

        Assert.Equal(HttpStatusCode.NoContent, (await http.PostAsJsonAsync("/v1/auth/password-reset",
            new { phone = alice.Phone, code = await alice.LatestSmsCode(), newPassword = "reset Passw0rd" })).StatusCode);

        await Problem(await alice.Http.GetAsync("/v1/me"), HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Theory]
    [InlineData("""{}""", HttpStatusCode.BadRequest, "validation_failed")]
    [InlineData("""{"refreshToken":"garbage"}""", HttpStatusCode.Unauthorized, "invalid_refresh_token")]
    [InlineData("""{"refreshToken":"cus_nobody.ses_x.secret"}""", HttpStatusCode.Unauthorized, "invalid_refresh_token")]
    [InlineData("""{"refreshToken":"a.b.c.d"}""", HttpStatusCode.Unauthorized, "invalid_refresh_token")]
    public async Task A_refresh_with_a_bad_token_is_refused(string body, HttpStatusCode status, string code)
        => await Problem(await api.CreateClient().PostAsync("/v1/auth/refresh", new StringContent(body, null, "application/json")), status, code);

    private async Task<JsonElement> SignIn(string phone, string password = TestData.Password)
        => await Json(await api.CreateClient().PostAsJsonAsync("/v1/auth/token", new { phone, password }), HttpStatusCode.OK);

    private Task<HttpResponseMessage> Refresh(string? refreshToken) => api.CreateClient().PostAsJsonAsync("/v1/auth/refresh", new { refreshToken });

    private HttpClient As(JsonElement tokens)
    {
        var http = api.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.GetProperty("accessToken").GetString());
        return http;
    }
}
