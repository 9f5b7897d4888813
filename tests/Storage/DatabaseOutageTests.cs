using System.Net;
using System.Security.Cryptography;
using Wallet.Tests.Infrastructure;

namespace Wallet.Tests.Storage;

/// <summary>The database stops under the API and comes back: callers get clean 503s, nothing is half-applied, no restart is needed.</summary>
[Collection(TopologyCollection.Name)]
public sealed class DatabaseOutageTests
{
    [Trait("Speed", "Slow")]
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

    [Trait("Speed", "Slow")]
    [Fact]
    public async Task Transfers_in_flight_when_the_database_stops_complete_once_when_replayed_after_it_is_back_and_after_a_restart()
    {
        await using var database = await PrivatePostgres.Start();
        var settings = PostgresServer.Settings(database.ConnectionString);
        settings["Wallet:Auth:SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)); // the host after the restart takes the same tokens
        const int Senders = 4, Each = 3;
        const long Amount = 100;
        var keys = Enumerable.Range(0, Senders).SelectMany(s => Enumerable.Range(0, Each).Select(i => $"in-flight-{s}-{i}")).ToList();
        ApiCustomer alice, bob;
        string from, to;
        var ids = new Dictionary<string, string>();
        await using (var api = ApiFixture.With(settings))
        {
            await api.InitializeAsync();
            alice = await ApiCustomer.Register(api);
            bob = await ApiCustomer.Register(api);
            from = await alice.FundedWallet(10_000);
            to = await bob.OpenWallet();

            // Each sender sends its keys one after another; the database stops once the first answer is in, with the others on their way.
            var firstAnswered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var senders = Enumerable.Range(0, Senders).Select(s => Task.Run(async () =>
            {
                var answers = new List<HttpStatusCode>();
                foreach (var key in keys.Where(k => k.StartsWith($"in-flight-{s}-", StringComparison.Ordinal)))
                {
                    answers.Add((await alice.Post("/v1/transfers", alice.TransferBody(from, to, Amount), key)).StatusCode);
                    firstAnswered.TrySetResult();
                }
                return answers;
            })).ToList();
            await firstAnswered.Task;
            await database.StopServer();
            var during = (await Task.WhenAll(senders)).SelectMany(a => a).ToList();
            await database.StartServer();
            Assert.Contains(HttpStatusCode.ServiceUnavailable, during);

            foreach (var key in keys)
            {
                var settled = await UntilAnswered(() => alice.Post("/v1/transfers", alice.TransferBody(from, to, Amount), key));
                Assert.True(settled.StatusCode == HttpStatusCode.Created, $"{key}: {(int)settled.StatusCode} {await settled.Content.ReadAsStringAsync()}");
                ids[key] = (await ApiCustomer.Json(settled, HttpStatusCode.Created)).GetProperty("transferId").GetString()!;
            }
            foreach (var key in keys) // once answered, a replay answers at once with the same outcome
            {
                var replay = await ApiCustomer.Json(await alice.Post("/v1/transfers", alice.TransferBody(from, to, Amount), key), HttpStatusCode.Created);
                Assert.Equal(ids[key], replay.GetProperty("transferId").GetString());
            }
            Assert.Equal((10_000 - (keys.Count * Amount), keys.Count * Amount), (await alice.Balance(from), await bob.Balance(to)));
            await Operator.AssertBooksBalance(api);
        }

        await using var after = ApiFixture.With(settings);
        await after.InitializeAsync();
        var again = new ApiCustomer(alice.Id, alice.Phone, after.CreateClient());
        again.Http.DefaultRequestHeaders.Authorization = alice.Http.DefaultRequestHeaders.Authorization;
        foreach (var key in keys)
        {
            var replay = await ApiCustomer.Json(await again.Post("/v1/transfers", again.TransferBody(from, to, Amount), key), HttpStatusCode.Created);
            Assert.Equal(ids[key], replay.GetProperty("transferId").GetString());
        }
        Assert.Equal(10_000 - (keys.Count * Amount), await again.Balance(from));
        await Operator.AssertBooksBalance(after);
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
