using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Wallet.Hosting;
using Wallet.Tests.Infrastructure;

namespace Wallet.Tests.Hosting;

/// <summary>What the production configuration refuses, at start, before any customer is affected.</summary>
public sealed class ProductionRulesTests
{
    [Fact]
    public void The_Production_environment_refuses_in_memory_storage()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(TestSettings.Values).Build();

        var refused = Assert.Throws<InvalidOperationException>(() => ProductionRules.RequireDurableStorage(configuration, Environment(Environments.Production)));

        Assert.Contains("Wallet:Storage:Provider=postgres", refused.Message, StringComparison.Ordinal);
        ProductionRules.RequireDurableStorage(configuration, Environment(Environments.Staging));
    }

    [Fact]
    public void The_Production_environment_refuses_the_simulators()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(TestSettings.Values).Build();

        Assert.Throws<InvalidOperationException>(() => new Microsoft.Extensions.DependencyInjection.ServiceCollection()
            .AddWalletServices(configuration, Environment(Environments.Production)));
    }

    [Theory]
    [InlineData("Wallet:Vault:Keys:test-1", "Wallet:Vault:Keys")]
    [InlineData("Wallet:RealName:DirectoryKey", "Wallet:RealName:DirectoryKey")]
    public void The_Production_environment_refuses_to_start_without_its_data_keys(string removed, string named)
    {
        var settings = new Dictionary<string, string?>(TestSettings.Values) { ["Wallet:Simulators:Enabled"] = "false" };
        settings.Remove(removed);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

        var refused = Assert.Throws<InvalidOperationException>(() => new Microsoft.Extensions.DependencyInjection.ServiceCollection()
            .AddWalletServices(configuration, Environment(Environments.Production)));

        Assert.Contains(named, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Production_mode_refuses_to_start_without_a_signing_key()
    {
        var settings = new Dictionary<string, string?>(TestSettings.Values)
        {
            ["Wallet:Mode"] = "production",
            ["Wallet:Storage:Provider"] = "postgres",
            ["ConnectionStrings:Wallet"] = "Host=127.0.0.1;Port=1;Database=none",
            ["Wallet:Auth:SigningKey"] = "",
        };
        using var api = ApiFixture.With(settings);

        var refused = Assert.ThrowsAny<Exception>(() => api.Server);

        Assert.Contains("SigningKey", refused.ToString(), StringComparison.Ordinal);
    }

    private static IHostEnvironment Environment(string name) => new HostingEnvironmentStub { EnvironmentName = name };

    private sealed class HostingEnvironmentStub : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "";
        public string ApplicationName { get; set; } = "Wallet.Tests";
        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = null!;
    }
}
