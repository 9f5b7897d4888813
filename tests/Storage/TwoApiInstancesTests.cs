using System.Net;
using System.Security.Cryptography;
using Wallet.Tests.Infrastructure;

namespace Wallet.Tests.Storage;

/// <summary>Two API instances in production mode, clients of the same silo processes, serving one customer at once.</summary>
[Collection(TopologyCollection.Name)]
public sealed class TwoApiInstancesTests
{
    [Trait("Speed", "Slow")]
    [Fact]
    public async Task Two_API_instances_keep_idempotency_and_conservation()
    {
        var cluster = "apis-" + Guid.NewGuid().ToString("N")[..8];
        var settings = new Dictionary<string, string?>(PostgresServer.Settings(await PostgresServer.CreateDatabase()))
        {
            ["Wallet:Cluster:ClusterId"] = cluster,
            ["Wallet:Cluster:ServiceId"] = cluster,
            ["Serilog:MinimumLevel:Default"] = "Warning",
        };
        await using var silo1 = SiloProcess.Start(settings);
        await using var silo2 = SiloProcess.Start(settings);
        await SiloProcess.UntilActive(settings, 2, silo2);
        var api = new Dictionary<string, string?>(settings)
        {
            ["Wallet:Mode"] = "production",
            ["Wallet:Auth:SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        };
        await using var first = ApiFixture.With(api);
        await using var second = ApiFixture.With(api);
        await first.InitializeAsync();
        await second.InitializeAsync();

        var alice = await ApiCustomer.Register(first);
        var bob = await ApiCustomer.Register(second);
        var from = await alice.FundedWallet(50_000);
        var to = await bob.OpenWallet();
        var aliceThroughSecond = second.CreateClient();
        aliceThroughSecond.DefaultRequestHeaders.Authorization = alice.Http.DefaultRequestHeaders.Authorization;
        var viaSecond = new ApiCustomer(alice.Id, alice.Phone, aliceThroughSecond);

        var sameKey = await Task.WhenAll(Enumerable.Range(0, 16).Select(i =>
            (i % 2 == 0 ? alice : viaSecond).Post("/v1/transfers", alice.TransferBody(from, to, 1_000), "one-key")));
        var distinct = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            (i % 2 == 0 ? alice : viaSecond).Post("/v1/transfers", alice.TransferBody(from, to, 100 + i), $"many-{i}")));

        Assert.All(sameKey.Concat(distinct), r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        Assert.Single((await Task.WhenAll(sameKey.Select(r => r.Content.ReadAsStringAsync()))).Distinct());
        var moved = 1_000 + Enumerable.Range(0, 20).Sum(i => 100 + i);
        Assert.Equal(50_000 - moved, await viaSecond.Balance(from));
        Assert.Equal(moved, await bob.Balance(to));
        await Operator.AssertBooksBalance(first);
        await Operator.AssertBooksBalance(second);
    }
}
