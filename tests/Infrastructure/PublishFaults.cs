using System.Collections.Concurrent;
using Wallet.Events;

namespace Wallet.Tests.Infrastructure;

/// <summary>
/// The event publisher of the test clusters: the real one (the log or the streams), except that publishing to a customer's
/// stream can be made to fail a set number of times, as a lost connection to the stream's queue would.
/// </summary>
public sealed class PublishFaults(IServiceProvider services) : IWalletEventPublisher
{
    private static readonly ConcurrentDictionary<string, int> s_faults = new(StringComparer.Ordinal);
    private readonly IWalletEventPublisher _real = EventPublishing.Real(services);

    public static void Fail(string customerId, int times) => s_faults[customerId] = times;

    public Task Publish(WalletEvent walletEvent)
    {
        if (s_faults.TryGetValue(walletEvent.CustomerId, out var left) && left > 0 && s_faults.TryUpdate(walletEvent.CustomerId, left - 1, left))
        {
            return Task.FromException(new InvalidOperationException("Publishing failed (injected by the test)."));
        }
        return _real.Publish(walletEvent);
    }
}
