using Orleans.Streams;
using Wallet.Hosting;

namespace Wallet.Tests.Infrastructure;

/// <summary>
/// A test's own publisher and subscriber on the wallet's event stream provider, so the streams'
/// wiring and durability are proven before any feature publishes on them.
/// </summary>
public static class EventProbe
{
    public const string Namespace = "test-probe";

    public static StreamId Stream(string key) => StreamId.Create(Namespace, key);
}

[Alias("Wallet.Tests.ProbeEvent")]
[GenerateSerializer]
public sealed record ProbeEvent([property: Id(0)] string Id);

[Alias("Wallet.Tests.IEventProbePublisher")]
public interface IEventProbePublisher : IGrainWithStringKey
{
    [Alias("Publish")]
    Task Publish(string streamKey, string eventId);
}

[Alias("Wallet.Tests.IEventProbeInbox")]
public interface IEventProbeInbox : IGrainWithStringKey
{
    /// <summary>The distinct event ids received, and how many deliveries brought them (duplicates included).</summary>
    [Alias("Received")]
    Task<(string[] Ids, int Deliveries)> Received();
}

public sealed class EventProbePublisher : Grain, IEventProbePublisher
{
    public Task Publish(string streamKey, string eventId)
        => this.GetStreamProvider(StorageNames.Events).GetStream<ProbeEvent>(EventProbe.Stream(streamKey)).OnNextAsync(new ProbeEvent(eventId));
}

[GenerateSerializer]
public sealed class ProbeInboxState
{
    [Id(0)] public HashSet<string> Ids { get; set; } = [];
    [Id(1)] public int Deliveries { get; set; }
}

/// <summary>Activated by the first event on its stream; every delivery is stored before it is acknowledged.</summary>
[ImplicitStreamSubscription(EventProbe.Namespace)]
public sealed class EventProbeInbox([PersistentState("probe-inbox", StorageNames.Wallet)] IPersistentState<ProbeInboxState> inbox)
    : Grain, IEventProbeInbox, IAsyncObserver<ProbeEvent>
{
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
        => await this.GetStreamProvider(StorageNames.Events).GetStream<ProbeEvent>(EventProbe.Stream(this.GetPrimaryKeyString())).SubscribeAsync(this);

    public Task<(string[] Ids, int Deliveries)> Received() => Task.FromResult((inbox.State.Ids.ToArray(), inbox.State.Deliveries));

    public async Task OnNextAsync(ProbeEvent item, StreamSequenceToken? token = null)
    {
        inbox.State.Ids.Add(item.Id);
        inbox.State.Deliveries++;
        await inbox.WriteStateAsync();
    }

    public Task OnCompletedAsync() => Task.CompletedTask;

    public Task OnErrorAsync(Exception ex) => Task.CompletedTask;
}
