using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Wallet.Credentials;
using Wallet.Customers;
using Wallet.Tests.Infrastructure;

namespace Wallet.Tests.Customers;

/// <summary>
/// Slow hashes (passwords, PINs, codes) run off the grains' scheduler: a wave of them — every customer
/// re-checking a PIN after a failover — must not hold the silo's other work. (How long a wave takes is the bench's to measure, not a timed test's.)
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class SlowHashingTests(ClusterFixture fixture)
{
    [Fact]
    public async Task A_hash_a_grain_asks_for_runs_off_the_grain_scheduler_and_the_thread_pool()
    {
        var customer = await fixture.Scenario.NewCustomer();
        var seen = new ConcurrentBag<(TaskScheduler Scheduler, bool PoolThread)>();
        using var hook = Hook(() => seen.Add((TaskScheduler.Current, Thread.CurrentThread.IsThreadPoolThread)));

        var signedIn = await fixture.Grains.GetGrain<ICustomerAccessGrain>(customer.Id).SignIn(TestData.Password, null);

        Assert.NotNull(signedIn.Session);
        Assert.NotEmpty(seen);
        Assert.All(seen, hash =>
        {
            Assert.Same(TaskScheduler.Default, hash.Scheduler); // not the activation's scheduler
            Assert.False(hash.PoolThread);
        });
    }

    /// <summary>Runs <paramref name="beforeEachHash"/> on every silo's hashing threads until disposed.</summary>
    private IDisposable Hook(Action beforeEachHash)
    {
        var hashing = fixture.Cluster.Silos.Select(silo => silo.SiloHost.Services.GetRequiredService<SlowHashing>()).ToList();
        hashing.ForEach(h => h.BeforeEachHash = beforeEachHash);
        return new Unhook(() => hashing.ForEach(h => h.BeforeEachHash = null));
    }

    private sealed class Unhook(Action undo) : IDisposable
    {
        public void Dispose() => undo();
    }
}
