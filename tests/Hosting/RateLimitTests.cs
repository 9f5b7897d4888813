using System.Net;
using System.Net.Http.Json;
using Wallet.Tests.Infrastructure;
using static Wallet.Tests.Infrastructure.ApiCustomer;

namespace Wallet.Tests.Hosting;

/// <summary>The rate limiter's 429 problems at exactly the configured counts, on an API host of its own with small limits.</summary>
public sealed class RateLimitTests : IAsyncLifetime
{
    private readonly ApiFixture _api = ApiFixture.With(new Dictionary<string, string?>(TestSettings.Values)
    {
        ["Wallet:RateLimits:SignIn:PermitLimit"] = "3",
        ["Wallet:RateLimits:Registration:PermitLimit"] = "4",
        ["Wallet:RateLimits:Sms:PermitLimit"] = "2",
        ["Wallet:RateLimits:Money:PermitLimit"] = "3",
        ["Wallet:RateLimits:SignIn:WindowSeconds"] = "600",
        ["Wallet:RateLimits:Registration:WindowSeconds"] = "600",
        ["Wallet:RateLimits:Sms:WindowSeconds"] = "600",
        ["Wallet:RateLimits:Money:WindowSeconds"] = "600",
        ["Wallet:RateLimits:Documents:PermitLimit"] = "2",
        ["Wallet:RateLimits:Documents:WindowSeconds"] = "600",
        ["Wallet:RateLimits:Support:PermitLimit"] = "2",
        ["Wallet:RateLimits:Support:WindowSeconds"] = "600",
    });

    public Task InitializeAsync() => _api.InitializeAsync();

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Trait("Speed", "Slow")]
    [Fact]
    public async Task Limits_refuse_the_request_after_the_configured_count_with_a_429_problem_and_move_nothing()
    {
        // Registration: 4 allowed (the operator seed is not a request); Alice and Bob take two of them.
        var alice = await Register(_api);
        var bob = await Register(_api);
        var http = _api.CreateClient();
        await Json(await http.PostAsJsonAsync("/v1/customers", new { phone = TestData.Phone(), password = TestData.Password }), HttpStatusCode.Created);
        await Json(await http.PostAsJsonAsync("/v1/customers", new { phone = TestData.Phone(), password = TestData.Password }), HttpStatusCode.Created);
        await TooMany(await http.PostAsJsonAsync("/v1/customers", new { phone = TestData.Phone(), password = TestData.Password }));

        // Signing in: Alice and Bob used two of 3; the third is allowed, the fourth refused even with the right password.
        await Json(await http.PostAsJsonAsync("/v1/auth/token", new { phone = alice.Phone, password = TestData.Password }), HttpStatusCode.OK);
        await TooMany(await http.PostAsJsonAsync("/v1/auth/token", new { phone = alice.Phone, password = TestData.Password }));

        // Texts: binding a card sends one from Alice's own 2 (a signed-in route); the address has its own 2 for reset codes.
        var from = await alice.FundedWallet(10_000);
        Assert.Equal(HttpStatusCode.Accepted, (await http.PostAsJsonAsync("/v1/auth/password-reset-codes", new { phone = bob.Phone })).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await http.PostAsJsonAsync("/v1/auth/password-reset-codes", new { phone = bob.Phone })).StatusCode);
        await TooMany(await http.PostAsJsonAsync("/v1/auth/password-reset-codes", new { phone = bob.Phone }));

        // Money, per customer: the top-up was one of Alice's 3; two transfers pass, the third is refused. Bob is not held back.
        var to = await bob.OpenWallet();
        await Json(await alice.Post("/v1/transfers", alice.TransferBody(from, to, 100), "one"), HttpStatusCode.Created);
        await Json(await alice.Post("/v1/transfers", alice.TransferBody(from, to, 100), "two"), HttpStatusCode.Created);
        await TooMany(await alice.Post("/v1/transfers", alice.TransferBody(from, to, 100), "three"));
        await Json(await bob.Post("/v1/transfers", bob.TransferBody(to, from, 50), "back"), HttpStatusCode.Created);

        // Documents, per customer: a statement and a receipt, then no third; Bob still gets his.
        var month = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(HttpStatusCode.OK, (await alice.Http.GetAsync($"/v1/wallets/{from}/statements/{month}?format=pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await alice.Http.GetAsync($"/v1/wallets/{from}/transactions/{from}.1/receipt")).StatusCode);
        await TooMany(await alice.Http.GetAsync($"/v1/wallets/{from}/statements/{month}"));
        Assert.Equal(HttpStatusCode.OK, (await bob.Http.GetAsync($"/v1/wallets/{to}/statements/{month}?format=csv")).StatusCode);

        // Messages to customer care, per customer: two pass, the third is refused and not kept; Bob still writes.
        await Json(await alice.Post("/v1/me/support/messages", new { text = "one" }), HttpStatusCode.Created);
        await Json(await alice.Post("/v1/me/support/messages", new { text = "two" }), HttpStatusCode.Created);
        await TooMany(await alice.Post("/v1/me/support/messages", new { text = "three" }));
        await Json(await bob.Post("/v1/me/support/messages", new { text = "hello" }), HttpStatusCode.Created);
        Assert.Equal(2, (await Json(await alice.Http.GetAsync("/v1/me/support"), HttpStatusCode.OK)).GetProperty("messages").GetArrayLength());

        Assert.Equal((9_850L, 150L), (await alice.Balance(from), await bob.Balance(to)));
        await Books.AssertBalanced(_api, from, to); // the operator could not sign in now
    }

    private static async Task TooMany(HttpResponseMessage response)
    {
        await Problem(response, HttpStatusCode.TooManyRequests, "too_many_requests");
        Assert.InRange(response.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 600);
    }
}
