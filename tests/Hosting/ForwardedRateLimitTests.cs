using System.Net;
using System.Net.Http.Json;
using Wallet.Tests.Infrastructure;
using static Wallet.Tests.Infrastructure.ApiCustomer;

namespace Wallet.Tests.Hosting;

/// <summary>An API host behind configured proxies, with 2 texts and 2 money movements per caller in a long window.</summary>
public sealed class ProxiedApi : IAsyncLifetime
{
    public ApiFixture Api { get; } = ApiFixture.With(new Dictionary<string, string?>(TestSettings.Values)
    {
        ["Wallet:RateLimits:Sms:PermitLimit"] = "2",
        ["Wallet:RateLimits:Sms:WindowSeconds"] = "600",
        ["Wallet:RateLimits:Money:PermitLimit"] = "2",
        ["Wallet:RateLimits:Money:WindowSeconds"] = "600",
        ["Wallet:Http:KnownProxies"] = "10.0.0.1",
        ["Wallet:Http:KnownNetworks:0"] = "10.1.0.0/16",
    });

    public Task InitializeAsync() => Api.InitializeAsync();

    public async Task DisposeAsync() => await Api.DisposeAsync();

    /// <summary>A client whose connection comes from <paramref name="peer"/>, optionally signed in as a customer.</summary>
    public HttpClient From(string peer, ApiCustomer? customer = null)
    {
        var http = new HttpClient(Api.Server.CreateHandler(context => context.Connection.RemoteIpAddress = IPAddress.Parse(peer)))
        {
            BaseAddress = Api.Server.BaseAddress,
        };
        http.DefaultRequestHeaders.Authorization = customer?.Http.DefaultRequestHeaders.Authorization;
        return http;
    }
}

/// <summary>
/// Rate limits are kept per client behind configured proxies (X-Forwarded-For believed from them only),
/// per customer on signed-in routes, and requests refused by validation spend no texts.
/// </summary>
public sealed class ForwardedRateLimitTests(ProxiedApi proxied) : IClassFixture<ProxiedApi>
{
    [Fact]
    public async Task Clients_behind_a_configured_proxy_have_a_bucket_each()
    {
        var proxy = proxied.From("10.0.0.1");
        var inNetwork = proxied.From("10.1.7.7");

        Assert.Equal([HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.TooManyRequests],
            await ResetCodes(proxy, 3, _ => "203.0.113.1"));
        Assert.Equal([HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.TooManyRequests],
            await ResetCodes(proxy, 3, _ => "203.0.113.2"));
        Assert.Equal([HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests],
            await ResetCodes(inNetwork, 2, _ => "203.0.113.1")); // the same client through another known proxy: its spent bucket
        Assert.Equal([HttpStatusCode.Accepted], await ResetCodes(inNetwork, 1, _ => "2001:db8::3"));
    }

    [Fact]
    public async Task A_forwarded_address_from_anyone_but_a_configured_proxy_is_ignored()
    {
        // A client connecting itself (from anywhere, loopback too) cannot name a new address per request.
        foreach (var peer in new[] { "198.51.100.7", "127.0.0.1", "::1" })
        {
            Assert.Equal([HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.TooManyRequests],
                await ResetCodes(proxied.From(peer), 3, i => $"203.0.113.{100 + i}"));
        }
        // Nor by writing addresses to the left of its own: the proxy appended the address it saw.
        Assert.Equal([HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.TooManyRequests],
            await ResetCodes(proxied.From("10.1.200.1"), 3, i => $"192.0.2.{i}, 203.0.113.20"));
    }

    [Fact]
    public async Task Signed_in_customers_from_one_address_have_a_bucket_each()
    {
        var alice = await Register(proxied.Api);
        var bob = await Register(proxied.Api);
        var aliceWallet = await alice.OpenWallet();
        var bobWallet = await bob.OpenWallet();
        var asAlice = proxied.From("198.51.100.30", alice);
        var asBob = proxied.From("198.51.100.30", bob);

        Assert.Equal(HttpStatusCode.Accepted, (await asAlice.PostAsync("/v1/me/payment-pin/reset-codes", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await asAlice.PostAsync("/v1/me/payment-pin/reset-codes", null)).StatusCode);
        await Problem(await asAlice.PostAsync("/v1/me/payment-pin/reset-codes", null), HttpStatusCode.TooManyRequests, "too_many_requests");
        Assert.Equal(HttpStatusCode.Accepted, (await asBob.PostAsync("/v1/me/payment-pin/reset-codes", null)).StatusCode);

        await Json(await asAlice.PostAsJsonAsync("/v1/me/payment-codes", new { walletId = aliceWallet }), HttpStatusCode.Created);
        await Json(await asAlice.PostAsJsonAsync("/v1/me/payment-codes", new { walletId = aliceWallet }), HttpStatusCode.Created);
        await Problem(await asAlice.PostAsJsonAsync("/v1/me/payment-codes", new { walletId = aliceWallet }), HttpStatusCode.TooManyRequests, "too_many_requests");
        await Json(await asBob.PostAsJsonAsync("/v1/me/payment-codes", new { walletId = bobWallet }), HttpStatusCode.Created);
    }

    [Fact]
    public async Task Requests_refused_by_validation_spend_no_texts()
    {
        var carol = await Register(proxied.Api);
        var anonymous = proxied.From("198.51.100.40");
        var asCarol = proxied.From("198.51.100.41", carol);

        for (var i = 0; i < 10; i++)
        {
            await Problem(await anonymous.PostAsJsonAsync("/v1/auth/password-reset-codes", new { phone = "not-a-phone" }), HttpStatusCode.BadRequest, "validation_failed");
            await Problem(await anonymous.PostAsJsonAsync("/v1/auth/password-reset-codes", new { }), HttpStatusCode.BadRequest, "validation_failed");
            await Problem(await asCarol.PostAsJsonAsync("/v1/cards", new { cardNumber = "4111", holderName = "Carol", phone = carol.Phone }), HttpStatusCode.BadRequest, "validation_failed");
        }

        Assert.Equal(HttpStatusCode.Accepted, (await anonymous.PostAsJsonAsync("/v1/auth/password-reset-codes", new { phone = TestData.Phone() })).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await asCarol.PostAsync("/v1/me/payment-pin/reset-codes", null)).StatusCode);
    }

    private static async Task<HttpStatusCode[]> ResetCodes(HttpClient http, int count, Func<int, string> forwardedFor)
    {
        var statuses = new HttpStatusCode[count];
        for (var i = 0; i < count; i++)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/v1/auth/password-reset-codes")
            {
                Content = JsonContent.Create(new { phone = TestData.Phone() }),
            };
            request.Headers.Add("X-Forwarded-For", forwardedFor(i));
            var response = await http.SendAsync(request);
            statuses[i] = response.StatusCode;
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                await Problem(response, HttpStatusCode.TooManyRequests, "too_many_requests");
            }
        }
        return statuses;
    }
}
