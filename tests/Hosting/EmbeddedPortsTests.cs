using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Wallet.Tests.Infrastructure;

namespace Wallet.Tests.Hosting;

/// <summary>Two embedded wallets on one machine: each gets silo ports of its own, or start-up says which port is taken.</summary>
public sealed class EmbeddedPortsTests
{
    [Trait("Speed", "Slow")]
    [Fact]
    public async Task Two_embedded_hosts_with_unset_silo_ports_both_come_up_on_ports_of_their_own()
    {
        // Null is "not configured": the fixture's own free ports stay out of it, as for a user who sets nothing.
        var unset = new Dictionary<string, string?>(TestSettings.Values) { ["Wallet:Silo:SiloPort"] = null, ["Wallet:Silo:GatewayPort"] = null };
        await using var first = ApiFixture.With(unset);
        await using var second = ApiFixture.With(unset);
        await first.InitializeAsync();
        await second.InitializeAsync();

        var firstSilo = first.Services.GetRequiredService<ILocalSiloDetails>();
        var secondSilo = second.Services.GetRequiredService<ILocalSiloDetails>();
        Assert.NotEqual(firstSilo.SiloAddress.Endpoint.Port, secondSilo.SiloAddress.Endpoint.Port);
        Assert.NotEqual(firstSilo.GatewayAddress.Endpoint.Port, secondSilo.GatewayAddress.Endpoint.Port);
        Assert.True(IPAddress.IsLoopback(firstSilo.SiloAddress.Endpoint.Address));
        // Each answers for its own customers: the same phone registers once in each.
        var inFirst = await ApiCustomer.Register(first, withPin: false);
        var again = await second.CreateClient().PostAsync("/v1/customers",
            new StringContent($$"""{"phone":"{{inFirst.Phone}}","password":"{{TestData.Password}}"}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await first.CreateClient().GetAsync("/health/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await second.CreateClient().GetAsync("/health/ready")).StatusCode);
    }

    [Fact]
    public void An_embedded_host_configured_with_a_taken_silo_port_refuses_to_start_naming_port_and_setting()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        using var api = ApiFixture.With(new Dictionary<string, string?>(TestSettings.Values) { ["Wallet:Silo:SiloPort"] = $"{port}" });

        var refused = Assert.ThrowsAny<Exception>(() => api.Server);

        Assert.Contains($"Wallet:Silo:SiloPort={port}", refused.ToString(), StringComparison.Ordinal);
        Assert.Contains("already in use", refused.ToString(), StringComparison.Ordinal);
    }
}
