using System.Net;
using System.Net.Http.Json;
using Wallet.Tests.Infrastructure;
using static Wallet.Tests.Infrastructure.ApiCustomer;

namespace Wallet.Tests.WebApp;

/// <summary>
/// The web app's session through plain HTTP: HttpOnly cookies instead of a bearer token, and a CSRF token that
/// every state-changing request signed in by the cookie must carry. What a cookie may do is what the token may.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class WebSessionTests(ApiFixture api)
{
    [Fact]
    public async Task Signing_in_sets_HttpOnly_SameSite_cookies_and_answers_no_token_only_the_CSRF_token()
    {
        var alice = await Register(api);
        var browser = api.CreateClient();

        var response = await browser.PostAsJsonAsync("/v1/web/session", new { phone = alice.Phone, password = TestData.Password });
        var body = await Json(response, HttpStatusCode.OK);

        Assert.Equal((alice.Id, "customer"), (body.GetProperty("customerId").GetString(), body.GetProperty("role").GetString()));
        Assert.False(body.TryGetProperty("accessToken", out _), "the page's script must never hold a token");
        Assert.False(body.TryGetProperty("refreshToken", out _));
        var cookies = response.Headers.GetValues("Set-Cookie").ToList();
        var session = Assert.Single(cookies, c => c.StartsWith("wallet_session=", StringComparison.Ordinal));
        var refresh = Assert.Single(cookies, c => c.StartsWith("wallet_refresh=", StringComparison.Ordinal));
        foreach (var cookie in new[] { session, refresh })
        {
            Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        }
        Assert.Contains("path=/;", session + ";", StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/v1/web/session", refresh, StringComparison.OrdinalIgnoreCase);

        // The cookie alone reads, as the bearer token would.
        Assert.Equal(alice.Id, (await Json(await browser.GetAsync("/v1/me"), HttpStatusCode.OK)).GetProperty("customerId").GetString());
    }

    [Fact]
    public async Task A_change_signed_in_by_the_cookie_without_the_sessions_CSRF_token_is_refused_and_moves_nothing()
    {
        var alice = await Register(api);
        var wallet = await alice.FundedWallet(10_000);
        var bob = await Register(api);
        var bobWallet = await bob.OpenWallet();
        var (browser, csrf) = await WebSignIn(alice);
        var (_, otherSessionsCsrf) = await WebSignIn(bob);

        foreach (var (what, token) in new[] { ("no CSRF token", (string?)null), ("a wrong one", "x"), ("another session's", otherSessionsCsrf) })
        {
            var refused = await Send(browser, HttpMethod.Post, "/v1/transfers", alice.TransferBody(wallet, bobWallet, 1_000), token, $"forged-{what}");
            await Problem(refused, HttpStatusCode.Forbidden, "csrf_token_invalid");
        }
        Assert.Equal((10_000L, 0L), (await alice.Balance(wallet), await bob.Balance(bobWallet)));

        var sent = await Send(browser, HttpMethod.Post, "/v1/transfers", alice.TransferBody(wallet, bobWallet, 1_000), csrf, "with-csrf");
        Assert.Equal("completed", (await Json(sent, HttpStatusCode.Created)).GetProperty("status").GetString());
        Assert.Equal((9_000L, 1_000L), (await alice.Balance(wallet), await bob.Balance(bobWallet)));
        // A bearer caller sends no cookie and needs no CSRF token.
        await Json(await alice.Post("/v1/transfers", alice.TransferBody(wallet, bobWallet, 500), "bearer"), HttpStatusCode.Created);
        await Books.AssertBalanced(api, wallet, bobWallet);
    }

    [Fact]
    public async Task A_browser_still_signed_in_may_sign_in_again_or_register_someone_without_the_CSRF_token_but_not_sign_out()
    {
        var alice = await Register(api);
        var (browser, csrf) = await WebSignIn(alice);

        Assert.Equal(alice.Id, (await Json(await browser.PostAsJsonAsync("/v1/web/session", new { phone = alice.Phone, password = TestData.Password }), HttpStatusCode.OK))
            .GetProperty("customerId").GetString());
        await Json(await browser.PostAsJsonAsync("/v1/customers", new { phone = TestData.Phone(), password = TestData.Password }), HttpStatusCode.Created);
        await Problem(await Send(browser, HttpMethod.Delete, "/v1/web/session", null, csrf: null, key: null), HttpStatusCode.Forbidden, "csrf_token_invalid");
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/v1/me")).StatusCode);
    }

    [Fact]
    public async Task The_cookie_opens_only_what_the_customers_token_opens()
    {
        var alice = await Register(api);
        var aliceWallet = await alice.OpenWallet();
        var mallory = await Register(api);
        var (browser, csrf) = await WebSignIn(mallory);

        await Problem(await browser.GetAsync($"/v1/wallets/{aliceWallet}"), HttpStatusCode.NotFound, "not_found");
        await Problem(await Send(browser, HttpMethod.Post, $"/v1/wallets/{aliceWallet}/freeze", null, csrf, key: null), HttpStatusCode.NotFound, "not_found");
        await Problem(await browser.GetAsync("/v1/ops/ledger/check"), HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal("active", (await Json(await alice.Http.GetAsync($"/v1/wallets/{aliceWallet}"), HttpStatusCode.OK)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Signing_out_ends_the_session_and_clears_its_cookies_so_the_cookie_replayed_later_opens_nothing()
    {
        var alice = await Register(api);
        var raw = api.CreateClient(new() { HandleCookies = false });
        var signIn = await raw.PostAsJsonAsync("/v1/web/session", new { phone = alice.Phone, password = TestData.Password });
        var csrf = (await Json(signIn, HttpStatusCode.OK)).GetProperty("csrfToken").GetString();
        var access = Cookie(signIn, "wallet_session");

        var signOut = new HttpRequestMessage(HttpMethod.Delete, "/v1/web/session");
        signOut.Headers.Add("Cookie", access);
        signOut.Headers.Add("X-CSRF-Token", csrf);
        var ended = await raw.SendAsync(signOut);

        Assert.Equal(HttpStatusCode.NoContent, ended.StatusCode);
        Assert.All(ended.Headers.GetValues("Set-Cookie"), cookie => Assert.Contains("expires=Thu, 01 Jan 1970", cookie, StringComparison.OrdinalIgnoreCase));
        await Problem(await WithCookie(raw, HttpMethod.Get, "/v1/me", access), HttpStatusCode.Unauthorized, "unauthorized");
        await Problem(await WithCookie(raw, HttpMethod.Get, "/v1/web/session", access), HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task Without_the_access_cookie_the_refresh_cookie_renews_the_session_once_and_the_old_refresh_token_ends_it()
    {
        var alice = await Register(api);
        var raw = api.CreateClient(new() { HandleCookies = false });
        var signIn = await raw.PostAsJsonAsync("/v1/web/session", new { phone = alice.Phone, password = TestData.Password });
        var first = (await Json(signIn, HttpStatusCode.OK)).GetProperty("csrfToken").GetString();
        var refresh = Cookie(signIn, "wallet_refresh");

        var renewed = await WithCookie(raw, HttpMethod.Get, "/v1/web/session", refresh);
        var body = await Json(renewed, HttpStatusCode.OK);
        Assert.Equal((alice.Id, first), (body.GetProperty("customerId").GetString(), body.GetProperty("csrfToken").GetString()));
        var access = Cookie(renewed, "wallet_session");
        Assert.Equal(HttpStatusCode.OK, (await WithCookie(raw, HttpMethod.Get, "/v1/me", access)).StatusCode);

        // The refresh token rotated: presenting the old one again is theft, and ends the session.
        await Problem(await WithCookie(raw, HttpMethod.Get, "/v1/web/session", refresh), HttpStatusCode.Unauthorized, "unauthorized");
        await Problem(await WithCookie(raw, HttpMethod.Get, "/v1/me", access), HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task Signing_in_refuses_a_wrong_password_and_bad_input_with_the_APIs_codes_and_sets_no_cookie()
    {
        var alice = await Register(api);
        var browser = api.CreateClient(new() { HandleCookies = false });

        var wrong = await browser.PostAsJsonAsync("/v1/web/session", new { phone = alice.Phone, password = "not it" });
        await Problem(wrong, HttpStatusCode.Unauthorized, "invalid_credentials");
        Assert.False(wrong.Headers.Contains("Set-Cookie"));
        await Problem(await browser.PostAsJsonAsync("/v1/web/session", new { phone = alice.Phone }), HttpStatusCode.BadRequest, "validation_failed");
        await Problem(await browser.PostAsJsonAsync("/v1/web/session", new { phone = alice.Phone, password = TestData.Password, extra = 1 }), HttpStatusCode.BadRequest, "unknown_field");
        await Problem(await browser.GetAsync("/v1/web/session"), HttpStatusCode.Unauthorized, "unauthorized");
    }

    private async Task<(HttpClient Browser, string Csrf)> WebSignIn(ApiCustomer customer)
    {
        var browser = api.CreateClient();
        var body = await Json(await browser.PostAsJsonAsync("/v1/web/session", new { phone = customer.Phone, password = TestData.Password }), HttpStatusCode.OK);
        return (browser, body.GetProperty("csrfToken").GetString()!);
    }

    private static Task<HttpResponseMessage> Send(HttpClient browser, HttpMethod method, string path, object? body, string? csrf, string? key)
    {
        var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        if (csrf is not null)
        {
            request.Headers.Add("X-CSRF-Token", csrf);
        }
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }
        return browser.SendAsync(request);
    }

    /// <summary>The cookie a response set, as a browser would send it back (<c>name=value</c>).</summary>
    private static string Cookie(HttpResponseMessage response, string name)
        => response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(name + "=", StringComparison.Ordinal)).Split(';')[0];

    private static Task<HttpResponseMessage> WithCookie(HttpClient raw, HttpMethod method, string path, string cookie)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add("Cookie", cookie);
        return raw.SendAsync(request);
    }
}
