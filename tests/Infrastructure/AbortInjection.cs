using System.Collections.Concurrent;
using Orleans.Transactions;

namespace Wallet.Tests.Infrastructure;

/// <summary>
/// Makes a wallet's debit (or its sweep of a till) fail with a definite abort (as a broken lock or
/// cascading abort would) a set number of times, so the retry and in-doubt paths can be driven on purpose;
/// or fail as the database being down makes it fail (the silo's storage filter's <c>storage_unavailable</c>).
/// </summary>
public sealed class AbortInjection : IIncomingGrainCallFilter
{
    private static readonly ConcurrentDictionary<string, int> s_faults = new(StringComparer.Ordinal);

    public static void AbortDebits(string walletId, int times) => s_faults[Fault("Debit", walletId)] = times;

    public static void AbortSweeps(string walletId, int times) => s_faults[Fault("TakeTill", walletId)] = times;

    public static void FailDebitsAsStorage(string walletId, int times) => s_faults[Fault("Debit storage", walletId)] = times;

    public static void Clear(string walletId)
    {
        s_faults.TryRemove(Fault("Debit", walletId), out _);
        s_faults.TryRemove(Fault("TakeTill", walletId), out _);
        s_faults.TryRemove(Fault("Debit storage", walletId), out _);
    }

    private static string Fault(string method, string walletId) => $"{method} {walletId}";

    public Task Invoke(IIncomingGrainCallContext context)
    {
        if (context.TargetId.Key.ToString() is { } target && Take(Fault($"{context.InterfaceMethod.Name} storage", target)))
        {
            throw new Refusals.WalletRefusedException(Refusals.RefusalCodes.StorageUnavailable, "The wallet's database did not answer (injected by the test).");
        }
        if (context.TargetId.Key.ToString() is { } walletId
            && Fault(context.InterfaceMethod.Name, walletId) is var key
            && s_faults.TryGetValue(key, out var left) && left > 0
            && s_faults.TryUpdate(key, left - 1, left))
        {
            throw new OrleansCascadingAbortException(Guid.NewGuid().ToString(), "injected by the test");
        }
        return context.Invoke();
    }

    private static bool Take(string key) => s_faults.TryGetValue(key, out var left) && left > 0 && s_faults.TryUpdate(key, left - 1, left);
}
