namespace Wallet.Bench.Targets;

/// <summary>
/// Something that moves money between numbered wallets: the wallet cluster through grains or HTTP,
/// or the plain SQL ledger the cluster is measured against.
/// </summary>
public interface IBenchTarget : IAsyncDisposable
{
    string Name { get; }

    /// <summary>Opens <paramref name="wallets"/> wallets holding <paramref name="opening"/> fen each.</summary>
    Task Prepare(int wallets, long opening, Action<string> progress);

    /// <summary>Moves <paramref name="amount"/> between two wallets; a refusal or failure throws <see cref="BenchFailure"/>.</summary>
    Task Transfer(int from, int to, long amount);

    /// <summary>What a customer's app reads: the balance and the latest entries.</summary>
    Task Read(int wallet);

    /// <summary>Sums every wallet: the total must equal what was opened, and none may be negative.</summary>
    Task<Books> Audit();

    /// <summary>Processes besides this one that do the target's work (silos, an API), for CPU accounting.</summary>
    IReadOnlyList<int> Helpers { get; }

    /// <summary>
    /// For each risk alert raised since <paramref name="since"/>: how long after its event it was raised,
    /// in milliseconds (the event's time is its movement's, taken as the movement starts). None where nothing watches.
    /// </summary>
    Task<IReadOnlyList<double>> AlertDelaysMs(DateTimeOffset since) => Task.FromResult<IReadOnlyList<double>>([]);

    /// <summary>
    /// The operators' ledger check, where it may run while money moves (it locks nothing): whether the books
    /// balanced. Null where the target has none to run under load.
    /// </summary>
    Task<bool>? CheckLedgerUnderLoad() => null;
}

/// <summary>The audit after a run: money conserved and nothing negative.</summary>
public sealed record Books(long Total, long Expected, int Negative, bool LedgerBalanced)
{
    public bool Sound => Total == Expected && Negative == 0 && LedgerBalanced;
}

/// <summary>An operation that did not complete, with the kind it is counted under.</summary>
public sealed class BenchFailure(string kind, Exception? inner = null) : Exception(kind, inner)
{
    public string Kind { get; } = kind;

    /// <summary>One operation's grain calls, any exception counted under its kind: a refusal by its code, anything else by its type.</summary>
    public static async Task<T> Counted<T>(Func<Task<T>> operation)
    {
        try
        {
            return await operation();
        }
        catch (Wallet.Refusals.WalletRefusedException refused)
        {
            throw new BenchFailure(refused.Code, refused);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException and not BenchFailure)
        {
            throw new BenchFailure(exception.GetType().Name, exception);
        }
    }
}
