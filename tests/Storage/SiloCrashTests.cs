using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;
using Orleans.Configuration;
using Orleans.TestingHost;
using Wallet.Hosting;
using Wallet.Movements;
using Wallet.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Wallet.Tests.Storage;

/// <summary>
/// Three silos on PostgreSQL under a steady stream of transfers; one is killed mid-stream. Every
/// transfer sent is then found exactly once or not at all, and the books still balance.
/// </summary>
public sealed class SiloCrashTests(ITestOutputHelper output)
{
    private const int Accounts = 12;
    private const long Opening = 100_000;

    private sealed record Sent(string Key, int From, int To, long Amount);

    [Fact]
    public async Task Killing_a_silo_mid_stream_loses_and_doubles_nothing()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(PostgresServer.Settings(await PostgresServer.CreateDatabase())).Build();
        var builder = new InProcessTestClusterBuilder(3);
        builder.ConfigureSilo((_, silo) => silo.AddWallet(configuration).Configure<ClusterMembershipOptions>(FailureDetection.Tune));
        builder.ConfigureClient(client => client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(10)));
        await using var cluster = builder.Build();
        await cluster.DeployAsync();
        var bank = new Scenario(cluster.Client);
        var accounts = await Task.WhenAll(Enumerable.Range(0, Accounts).Select(async _ =>
        {
            var customer = await bank.NewCustomer();
            var wallet = await bank.OpenWallet(customer);
            await bank.TopUp(customer, wallet, await bank.BindVerifiedCard(customer), Opening);
            return (customer, wallet);
        }));

        var sent = new ConcurrentBag<Sent>();
        var completions = new ConcurrentQueue<DateTime>();
        using var stop = new CancellationTokenSource();
        var streams = Enumerable.Range(0, 8).Select(worker => Task.Run(async () =>
        {
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                var transfer = new Sent($"w{worker}-{n}", Random.Shared.Next(Accounts), 0, Random.Shared.Next(1, 500));
                transfer = transfer with { To = (transfer.From + 1 + Random.Shared.Next(Accounts - 1)) % Accounts };
                sent.Add(transfer);
                try
                {
                    await Send(bank, accounts, transfer);
                    completions.Enqueue(DateTime.UtcNow);
                }
                catch (Exception exception) when (exception is not OutOfMemoryException)
                {
                    // In doubt for the caller; settled below by replaying the key.
                }
            }
        })).ToList();

        await Until(() => sent.Count >= 100, "100 transfers sent before the crash");
        var killedAt = DateTime.UtcNow;
        await cluster.KillSiloAsync(cluster.Silos[2]);
        var atCrash = sent.Count;
        await Until(() => sent.Count >= atCrash + 100, "100 transfers sent after the crash");
        await stop.CancelAsync();
        await Task.WhenAll(streams);

        output.WriteLine($"longest pause in completed transfers after the kill: {LongestPause(completions, killedAt).TotalSeconds:0.0} s");

        var outcomes = new List<(Sent Transfer, MovementReceipt Receipt)>();
        foreach (var transfer in sent)
        {
            outcomes.Add((transfer, await Settle(bank, accounts, transfer)));
        }
        var completed = outcomes.Where(o => o.Receipt.Status == MovementStatus.Completed).Select(o => o.Transfer).ToList();
        for (var i = 0; i < Accounts; i++)
        {
            var expected = Opening + completed.Where(t => t.To == i).Sum(t => t.Amount) - completed.Where(t => t.From == i).Sum(t => t.Amount);
            var (customer, wallet) = accounts[i];
            Assert.Equal(expected, await bank.Balance(customer, wallet));
            Assert.Equal(1 + completed.Count(t => t.From == i || t.To == i), (await bank.Entries(customer, wallet)).Count);
        }
        await bank.AssertBooksBalance();
    }

    /// <summary>How long movements stopped flowing after the kill: the widest gap between completions from then on.</summary>
    private static TimeSpan LongestPause(IEnumerable<DateTime> completions, DateTime killedAt)
    {
        var after = completions.Where(t => t >= killedAt).Order().Prepend(killedAt).ToList();
        return after.Zip(after.Skip(1), (a, b) => b - a).DefaultIfEmpty(TimeSpan.Zero).Max();
    }

    private static Task<MovementReceipt> Send(Scenario bank, (TestCustomer customer, string wallet)[] accounts, Sent transfer)
        => bank.Transfer(accounts[transfer.From].customer, accounts[transfer.From].wallet, accounts[transfer.To].wallet, transfer.Amount, transfer.Key);

    /// <summary>Replays a transfer under its key until the cluster gives its final outcome (bounded).</summary>
    private static async Task<MovementReceipt> Settle(Scenario bank, (TestCustomer customer, string wallet)[] accounts, Sent transfer)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await Send(bank, accounts, transfer);
            }
            catch (Exception exception) when (attempt < 20 && exception is not OutOfMemoryException)
            {
                await Task.Delay(500);
            }
        }
    }

    private static async Task Until(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"timed out waiting for {what}");
            await Task.Delay(50);
        }
    }
}
