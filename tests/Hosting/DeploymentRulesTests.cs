using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Wallet.Tests.Infrastructure;

namespace Wallet.Tests.Hosting;

/// <summary>
/// What a deployment's processes refuse at start, and what the production topology does without the
/// simulators. Real silo processes, started as a user starts them.
/// </summary>
[Collection(TopologyCollection.Name)]
public sealed class DeploymentRulesTests
{
    private static readonly string[] SiloKeys = ["Wallet:Vault:Keys:test-1", "Wallet:Vault:ActiveKey", "Wallet:RealName:DirectoryKey"];

    [Fact]
    public async Task A_silo_process_outside_Production_refuses_to_start_without_the_keys_every_process_shares_naming_each()
    {
        var settings = new Dictionary<string, string?>(TestSettings.Values);
        foreach (var key in SiloKeys)
        {
            settings.Remove(key);
        }
        await using var silo = SiloProcess.Start(settings, environment: "Staging", simulators: false);

        Assert.NotEqual(0, await silo.Exited());

        var log = silo.Log;
        Assert.Contains("Wallet:Vault:Keys:<id>", log, StringComparison.Ordinal);
        Assert.Contains("Wallet:Vault:ActiveKey", log, StringComparison.Ordinal);
        Assert.Contains("Wallet:RealName:DirectoryKey", log, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", log, StringComparison.Ordinal); // one clear error, no stack trace
    }

    [Fact]
    public async Task A_silo_process_in_Staging_refuses_the_simulators_naming_the_setting()
    {
        await using var silo = SiloProcess.Start(TestSettings.Values, environment: "Staging", simulators: true);

        Assert.NotEqual(0, await silo.Exited());

        Assert.Contains("Wallet:Simulators:Enabled", silo.Log, StringComparison.Ordinal);
        Assert.Contains("Staging", silo.Log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_silo_process_refuses_a_taken_port_naming_it_and_the_setting()
    {
        using var taken = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        var settings = new Dictionary<string, string?>(TestSettings.Values) { ["Wallet:Silo:SiloPort"] = $"{port}" };
        await using var silo = SiloProcess.Start(settings, environment: "Staging", simulators: false);

        Assert.NotEqual(0, await silo.Exited());

        Assert.Contains($"Wallet:Silo:SiloPort={port}", silo.Log, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", silo.Log, StringComparison.Ordinal);
    }

    [Fact]
    public void Production_mode_in_Staging_refuses_the_simulators_naming_the_setting()
    {
        using var api = ApiFixture.With(ProductionMode(TestSettings.Values, "Host=127.0.0.1;Port=1;Database=none"), environment: "Staging");

        var refused = Assert.ThrowsAny<Exception>(() => api.Server);

        Assert.Contains("Wallet:Simulators:Enabled", refused.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Production_mode_refuses_to_start_without_a_signing_key_in_any_environment()
    {
        var settings = ProductionMode(TestSettings.Values, "Host=127.0.0.1;Port=1;Database=none");
        settings["Wallet:Simulators:Enabled"] = "false";
        settings["Wallet:Auth:SigningKey"] = "";
        using var api = ApiFixture.With(settings, environment: "Staging");

        var refused = Assert.ThrowsAny<Exception>(() => api.Server);

        Assert.Contains("Wallet:Auth:SigningKey", refused.ToString(), StringComparison.Ordinal);
    }

    [Trait("Speed", "Slow")]
    [Fact]
    public async Task The_production_topology_runs_without_simulators_and_says_which_integration_is_missing()
    {
        var cluster = "prod-" + Guid.NewGuid().ToString("N")[..8];
        var settings = new Dictionary<string, string?>(PostgresServer.Settings(await PostgresServer.CreateDatabase()))
        {
            ["Wallet:Cluster:ClusterId"] = cluster,
            ["Wallet:Cluster:ServiceId"] = cluster,
            ["Serilog:MinimumLevel:Default"] = "Warning",
        };
        // The silo's switch is its appsettings' default for Production: off.
        await using var silo = SiloProcess.Start(settings, environment: "Production");
        await SiloProcess.UntilActive(settings, 1, silo);
        var api = ProductionMode(settings, settings["ConnectionStrings:Wallet"]!);
        api["Wallet:Simulators:Enabled"] = "false";
        await using var production = ApiFixture.With(api, environment: "Production");
        await production.InitializeAsync();

        var customer = await ApiCustomer.Register(production);
        var wallet = await customer.OpenWallet();
        var friend = await ApiCustomer.Register(production);
        await friend.OpenWallet();
        var transfer = await customer.Post("/v1/transfers", new { fromWalletId = wallet, to = new { phone = friend.Phone }, amount = 100, currency = "CNY", pin = TestData.Pin }, "no-money-yet");
        var card = await customer.Http.PostAsJsonAsync("/v1/cards", new { cardNumber = TestData.Card(), holderName = "Han Meimei", phone = customer.Phone });
        var verification = await customer.Http.PostAsJsonAsync("/v1/me/verification", new { name = "李雷", idNumber = "11010519491231002X" });
        var sms = await production.CreateClient().GetAsync($"/v1/dev/sms?phone={Uri.EscapeDataString(customer.Phone)}");
        var resetCode = await production.CreateClient().PostAsJsonAsync("/v1/auth/password-reset-codes", new { phone = customer.Phone });

        await ApiCustomer.Problem(transfer, HttpStatusCode.UnprocessableEntity, "insufficient_funds"); // a transfer is judged, not refused for want of a bank
        var problem = await ApiCustomer.Problem(card, HttpStatusCode.ServiceUnavailable, "integration_unavailable");
        Assert.Contains("no card-issuing bank is configured", problem.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
        await ApiCustomer.Problem(verification, HttpStatusCode.ServiceUnavailable, "integration_unavailable");
        Assert.Equal(HttpStatusCode.NotFound, sms.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, resetCode.StatusCode); // as for a phone nobody registered: no account is revealed
        Assert.Equal(HttpStatusCode.OK, (await production.CreateClient().GetAsync("/health/ready")).StatusCode);
    }

    private static Dictionary<string, string?> ProductionMode(IReadOnlyDictionary<string, string?> settings, string connectionString) => new(settings)
    {
        ["Wallet:Mode"] = "production",
        ["Wallet:Storage:Provider"] = "postgres",
        ["ConnectionStrings:Wallet"] = connectionString,
        ["Wallet:Auth:SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
    };
}
