using System.Net;
using Wallet.Tests.Infrastructure;

namespace Wallet.Tests.Storage;

/// <summary>The database stops under the API and comes back: callers get clean 503s, nothing is half-applied, no restart is needed.</summary>
[Collection(TopologyCollection.Name)]
public sealed class DatabaseOutageTests
{
    [Fact]
    public async Task During_a_database_outage_requests_fail_with_503_and_afterwards_every_movement_settles_once()
    {
        await using var database = await PrivatePostgres.Start();
        await using var api = ApiFixture.With(PostgresServer.Settings(database.ConnectionString));
        await api.InitializeAsync();
        var alice = await ApiCustomer.Register(api);
        var bob = await ApiCustomer.Register(api);
        var from = await alice.FundedWallet(10_000);
        var to = await bob.OpenWallet();

        await database.StopServer();
        var keys = Enumerable.Range(0, 5).Select(i => $"outage-{i}").ToList();
        var during = await Task.WhenAll(keys.Select(key => alice.Post("/v1/transfers", alice.TransferBody(from, to, 100), key)));
        var read = await alice.Http.GetAsync($"/v1/wallets/{from}");
        var readiness = await api.CreateClient().GetAsync("/health/ready");
        await database.StartServer();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, readiness.StatusCode);

        foreach (var response in during.Append(read))
        {
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode is HttpStatusCode.ServiceUnavailable or HttpStatusCode.Created, $"got {(int)response.StatusCode}: {text}\n{string.Join("\n", api.Logs.Lines.Where(l => l.Contains("Unhandled", StringComparison.Ordinal)).Take(3))}");
            if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
            {
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                Assert.NotNull(response.Headers.RetryAfter);
            }
        }
        Assert.Contains(during.Append(read), r => r.StatusCode == HttpStatusCode.ServiceUnavailable);

        var settled = new List<HttpResponseMessage>();
        foreach (var key in keys)
        {
            settled.Add(await UntilAnswered(() => alice.Post("/v1/transfers", alice.TransferBody(from, to, 100), key)));
        }
        Assert.All(settled, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        Assert.Equal(10_000 - 500, await alice.Balance(from));
        Assert.Equal(500, await bob.Balance(to));
        await Operator.AssertBooksBalance(api);
    }

    /// <summary>Replays a request while the cluster is still reconnecting; bounded, and fails with the last answer.</summary>
    private static async Task<HttpResponseMessage> UntilAnswered(Func<Task<HttpResponseMessage>> send)
    {
        var response = await send();
        await Eventually.Until(async () =>
        {
            if (response.StatusCode != HttpStatusCode.ServiceUnavailable)
            {
                return true;
            }
            response = await send();
            return response.StatusCode != HttpStatusCode.ServiceUnavailable;
        }, "an answer other than 503 after the database came back", lastSeen: () => response.StatusCode.ToString());
        return response;
    }
}
