using Orleans.Streams;
using Wallet.Hosting;

namespace Wallet.Events;

/// <summary>Hands customers' events to their streams. A seam so tests can make publishing fail on purpose.</summary>
public interface IWalletEventPublisher
{
    Task Publish(WalletEvent walletEvent);
}

/// <summary>Which publisher a silo has: the PostgreSQL event log when storage is there, otherwise the memory streams.</summary>
public static class EventPublishing
{
    public static IWalletEventPublisher Real(IServiceProvider services)
        => services.GetService<Log.EventLog>() ?? (IWalletEventPublisher)new StreamEventPublisher(services);
}

/// <summary>Publishes on the wallet's event stream provider, one stream per customer.</summary>
public sealed class StreamEventPublisher(IServiceProvider services) : IWalletEventPublisher
{
    private IStreamProvider? _streams;

    public Task Publish(WalletEvent walletEvent)
    {
        _streams ??= services.GetRequiredKeyedService<IStreamProvider>(StorageNames.Events);
        return _streams.GetStream<WalletEvent>(StreamId.Create(WalletEvent.StreamNamespace, walletEvent.CustomerId)).OnNextAsync(walletEvent);
    }
}
