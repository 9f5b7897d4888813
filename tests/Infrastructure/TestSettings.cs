using Microsoft.Extensions.Configuration;

namespace Wallet.Tests.Infrastructure;

/// <summary>Configuration every test host shares: simulators on, and cheap hashes so suites stay fast.</summary>
public static class TestSettings
{
    public static readonly IReadOnlyDictionary<string, string?> Values = new Dictionary<string, string?>
    {
        ["Wallet:Simulators:Enabled"] = "true",
        ["Wallet:Credentials:HashIterations"] = "1000",
    };

    public static IConfiguration Configuration { get; } = new ConfigurationBuilder().AddInMemoryCollection(Values).Build();
}
