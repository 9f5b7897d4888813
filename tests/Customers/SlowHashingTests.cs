using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Wallet.Credentials;
using Wallet.Customers;
using Wallet.Tests.Infrastructure;

namespace Wallet.Tests.Customers;

/// <summary>
/// Slow hashes (passwords, PINs, codes) run off the grains' scheduler: a wave of them — every customer
/// re-checking a PIN after a failover — must not hold the silo's other work.
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

        var signedIn = await fixture.Grains.GetGrain<ICustomerGrain>(customer.Id).SignIn(TestData.Password, null);

        Assert.NotNull(signedIn.Session);
        Assert.NotEmpty(seen);
        Assert.All(seen, hash =>
        {
            Assert.Same(TaskScheduler.Default, hash.Scheduler); // not the activation's scheduler
            Assert.False(hash.PoolThread);
        });
    }

    [Fact]
    public async Task Many_hashes_held_at_once_do_not_hold_cheap_calls_to_other_grains()
    {
        var bystanders = new List<TestCustomer>();
        for (var i = 0; i < 4; i++)
        {
            bystanders.Add(await fixture.Scenario.NewCustomer()); // active before the wave
        }
        // More hashes at once than the thread pool keeps threads ready for (it adds more only slowly).
        ThreadPool.GetMinThreads(out var ready, out _);
        var wave = ready + 32;
        var customers = new List<TestCustomer>();
        for (var i = 0; i < wave; i++)
        {
            customers.Add(await fixture.Scenario.NewCustomer());
        }
        using var release = new ManualResetEventSlim();
        // Each hash holds its thread as a slow PBKDF2 does (spinning, not waiting on an event: the thread pool
        // adds threads at once for a blocked wait, but not for a thread busy hashing).
        var hook = Hook(() => SpinWait.SpinUntil(() => release.IsSet, TimeSpan.FromSeconds(60)));
        var signIns = new List<Task<SignInOutcome>>();
        try
        {
            signIns.AddRange(customers.Select(c => fixture.Grains.GetGrain<ICustomerGrain>(c.Id).SignIn(TestData.Password, null)));

            // Twenty cheap reads, one after another, while every hash of the wave is held.
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < 20; i++)
            {
                var bystander = bystanders[i % bystanders.Count];
                var profile = await fixture.Grains.GetGrain<ICustomerGrain>(bystander.Id).GetProfile().WaitAsync(TimeSpan.FromSeconds(30));
                Assert.Equal(bystander.Phone, profile.Phone);
            }
            var waited = clock.Elapsed;

            Assert.True(waited < TimeSpan.FromSeconds(5), $"20 profile reads took {waited.TotalSeconds:0.0} s behind {wave} held hashes");
        }
        finally
        {
            hook.Dispose();
            release.Set();
        }
        Assert.All(await Task.WhenAll(signIns), outcome => Assert.NotNull(outcome.Session));
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
