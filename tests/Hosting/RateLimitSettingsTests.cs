using System.Net;
using System.Net.Http.Json;
using Wallet.Tests.Infrastructure;
using static Wallet.Tests.Infrastructure.ApiCustomer;

namespace Wallet.Tests.Hosting;

/// <summary>Each half of a rate limit takes its default on its own; an unusable value stops start-up naming its key.</summary>
public sealed class RateLimitSettingsTests
{
    [Trait("Speed", "Slow")]
    [Fact]
    public async Task A_limit_with_only_its_permit_count_set_starts_and_enforces_it()
    {
        var settings = new Dictionary<string, string?>(TestSettings.Values) { ["Wallet:RateLimits:Sms:PermitLimit"] = "2" };
        settings.Remove("Wallet:RateLimits:Sms:WindowSeconds");
        await using var api = ApiFixture.With(settings);
        await api.InitializeAsync();
        var http = api.CreateClient();

        Assert.Equal(HttpStatusCode.Accepted, (await http.PostAsJsonAsync("/v1/auth/password-reset-codes", new { phone = TestData.Phone() })).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await http.PostAsJsonAsync("/v1/auth/password-reset-codes", new { phone = TestData.Phone() })).StatusCode);
        var refused = await http.PostAsJsonAsync("/v1/auth/password-reset-codes", new { phone = TestData.Phone() });

        await Problem(refused, HttpStatusCode.TooManyRequests, "too_many_requests");
        Assert.InRange(refused.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 60); // the default window
    }

    [Theory]
    [InlineData("Wallet:RateLimits:Sms:PermitLimit", "0")]
    [InlineData("Wallet:RateLimits:Sms:WindowSeconds", "-5")]
    [InlineData("Wallet:RateLimits:Money:PermitLimit", "lots")]
    [InlineData("Wallet:RateLimits:SignIn:WindowSeconds", "1.5")]
    [InlineData("Wallet:Http:KnownProxies", "10.0.0.300")]
    [InlineData("Wallet:Http:KnownNetworks:0", "10.0.0.0/40")]
    public async Task An_unusable_value_stops_start_up_naming_its_key(string key, string value)
    {
        await using var api = ApiFixture.With(new Dictionary<string, string?>(TestSettings.Values) { [key] = value });

        var failure = await Assert.ThrowsAnyAsync<Exception>(api.InitializeAsync);

        var message = string.Join(" / ", Chain(failure).Select(e => e.Message));
        Assert.Contains(key.Replace(":0", "", StringComparison.Ordinal), message, StringComparison.Ordinal); // a list names its key
        Assert.Contains(value, message, StringComparison.Ordinal);
    }

    private static IEnumerable<Exception> Chain(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            yield return exception;
        }
    }
}
