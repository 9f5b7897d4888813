using Microsoft.Extensions.Configuration;

namespace Wallet.Tests.Infrastructure;

/// <summary>Configuration every test host shares: simulators on, and cheap hashes so suites stay fast.</summary>
public static class TestSettings
{
    public static readonly IReadOnlyDictionary<string, string?> Values = new Dictionary<string, string?>
    {
        ["Wallet:Simulators:Enabled"] = "true",
        ["Wallet:Credentials:HashIterations"] = "1000",
        // A fixed card key, so card numbers sealed before a restart still open after it.
        ["Wallet:Vault:Keys:test-1"] = "dGVzdCBjYXJkIGtleSAtIG5vdCBwcm9kdWN0aW9uISE=",
        ["Wallet:Vault:ActiveKey"] = "test-1",
        ["Wallet:RealName:DirectoryKey"] = "dGVzdCBpZGVudGl0eSBkaXJlY3Rvcnkga2V5LCBub3QgZm9yIHByb2R1Y3Rpb24=",
        // The suites act for many customers from one address; RateLimitTests checks the limits themselves.
        ["Wallet:RateLimits:SignIn:PermitLimit"] = "1000000",
        ["Wallet:RateLimits:SignIn:WindowSeconds"] = "60",
        ["Wallet:RateLimits:Registration:PermitLimit"] = "1000000",
        ["Wallet:RateLimits:Registration:WindowSeconds"] = "60",
        ["Wallet:RateLimits:Sms:PermitLimit"] = "1000000",
        ["Wallet:RateLimits:Sms:WindowSeconds"] = "60",
        ["Wallet:RateLimits:Money:PermitLimit"] = "1000000",
        ["Wallet:RateLimits:Money:WindowSeconds"] = "60",
        ["Wallet:RateLimits:Documents:PermitLimit"] = "1000000",
        ["Wallet:RateLimits:Documents:WindowSeconds"] = "60",
        ["Wallet:RateLimits:Support:PermitLimit"] = "1000000",
        ["Wallet:RateLimits:Support:WindowSeconds"] = "60",
        ["Wallet:RateLimits:PhoneProbes:PermitLimit"] = "1000000",
        // Receivers in tests listen on plain http on 127.0.0.1, and a failed delivery is tried again within moments.
        ["Wallet:Webhooks:RequireHttps"] = "false",
        ["Wallet:Webhooks:AllowPrivateNetworks"] = "true",
        ["Wallet:Webhooks:FirstRetryAfter"] = "00:00:00.200",
        ["Wallet:Webhooks:MaxRetryAfter"] = "00:00:01",
        ["Wallet:Webhooks:MaxAttempts"] = "6",
        // Tests call the publication log's reminder themselves and want every movement it holds asked at once.
        ["Wallet:Events:RepublishAfter"] = "00:00:00",
        // A biller that has not answered in 0.3 s is followed up (the simulator's slow one takes 3 s).
        ["Wallet:Utilities:AnswerWithin"] = "00:00:00.300",
        // Suites about other things pay often, large and at any hour: the risk rules would step in. Their own
        // suites (RiskClusterFixture, RiskApiFixture) turn them on.
        ["Wallet:Risk:Enabled"] = "false",
    };

    public static IConfiguration Configuration { get; } = new ConfigurationBuilder().AddInMemoryCollection(Values).Build();
}
