using System.Collections.Concurrent;
using Orleans.Transactions;

namespace Wallet.Tests.Infrastructure;

/// <summary>
/// Makes a wallet's debit fail with a definite abort (as a broken lock or cascading abort would)
/// a set number of times, so the retry and in-doubt paths can be driven on purpose.
/// </summary>
public sealed class AbortInjection : IIncomingGrainCallFilter
{
    private static readonly ConcurrentDictionary<string, int> s_faults = new(StringComparer.Ordinal);

    public static void AbortDebits(string walletId, int times) => s_faults[walletId] = times;

    public static void Clear(string walletId) => s_faults.TryRemove(walletId, out _);

    public Task Invoke(IIncomingGrainCallContext context)
    {
        if (context.InterfaceMethod.Name == "Debit"
            && context.TargetId.Key.ToString() is { } key
            && s_faults.TryGetValue(key, out var left) && left > 0
            && s_faults.TryUpdate(key, left - 1, left))
        {
            throw new OrleansCascadingAbortException(Guid.NewGuid().ToString(), "injected by the test");
        }
        return context.Invoke();
    }
}
