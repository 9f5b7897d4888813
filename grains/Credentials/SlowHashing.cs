using System.Collections.Concurrent;

namespace Wallet.Credentials;

/// <summary>
/// Where slow hashes run: on a few threads of their own (one per core), never in a grain's turn and
/// never on the thread pool. A PBKDF2 hash of 210,000 rounds takes a core for a fifth of a second;
/// run inside the turn, a failover that re-checks thousands of PINs held every turn on the silo for
/// seconds and starved the pool until requests reached the client's timeout. Here hashes queue for
/// their threads while the grains' own work goes on; a grain awaits its hash and stays non-reentrant.
/// </summary>
public sealed class SlowHashing : IDisposable
{
    private readonly BlockingCollection<Action> _queue = new();

    public SlowHashing() : this(Environment.ProcessorCount)
    {
    }

    public SlowHashing(int threads)
    {
        for (var i = 0; i < Math.Max(1, threads); i++)
        {
            new Thread(Serve) { IsBackground = true, Name = $"wallet-slow-hash-{i}" }.Start();
        }
    }

    /// <summary>For tests: called on the hashing thread just before each hash.</summary>
    internal Action? BeforeEachHash { get; set; }

    public Task<T> Run<T>(Func<T> hash)
    {
        // Continuations never run on a hashing thread: the awaiting grain resumes on its own scheduler.
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        _queue.Add(() =>
        {
            try
            {
                BeforeEachHash?.Invoke();
                done.SetResult(hash());
            }
            catch (Exception exception)
            {
                done.SetException(exception);
            }
        });
        return done.Task;
    }

    public void Dispose() => _queue.CompleteAdding();

    private void Serve()
    {
        foreach (var hash in _queue.GetConsumingEnumerable())
        {
            hash();
        }
    }
}
