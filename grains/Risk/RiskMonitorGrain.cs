using Orleans.Streams;
using Wallet.Events;
using Wallet.Hosting;

namespace Wallet.Risk;

/// <summary>
/// Activated by the first event on its customer's stream. An event is counted once: its id is
/// remembered (the newest few hundred — far more than a redelivery can lag) and stored before the
/// delivery is acknowledged, so a republished or redelivered event changes nothing.
/// </summary>
[ImplicitStreamSubscription(WalletEvent.StreamNamespace)]
public sealed class RiskMonitorGrain(
    [PersistentState("risk", StorageNames.Wallet)] IPersistentState<RiskState> risk,
    [FromKeyedServices(WalletClock.Key)] TimeProvider clock)
    : Grain, IRiskMonitorGrain, IAsyncObserver<WalletEvent>
{
    /// <summary>Ids remembered: far more than can be redelivered or republished at once, and a small state to write per event.</summary>
    private const int IdsRemembered = 256;

    /// <summary>The most movements kept in the window; the oldest go first.</summary>
    private const int MovementsKept = 500;

    /// <summary>The latest events other than money (sign-ins, wrong PINs, devices) kept.</summary>
    private const int SignalsKept = 50;

    /// <summary>How far back the money movements are kept: the longest window a rule looks at (the mule pattern's 48 hours).</summary>
    public static readonly TimeSpan Window = TimeSpan.FromHours(48);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
        => await this.GetStreamProvider(StorageNames.Events)
            .GetStream<WalletEvent>(StreamId.Create(WalletEvent.StreamNamespace, this.GetPrimaryKeyString()))
            .SubscribeAsync(this);

    public Task<RiskSnapshot> GetSnapshot() => Task.FromResult(new RiskSnapshot(risk.State.EventsCounted, [.. risk.State.Movements], [.. risk.State.Signals]));

    public async Task OnNextAsync(WalletEvent item, StreamSequenceToken? token = null)
    {
        var state = risk.State;
        if (!state.SeenIds.Add(item.EventId))
        {
            return;
        }
        state.SeenOrder.Enqueue(item.EventId);
        while (state.SeenOrder.Count > IdsRemembered)
        {
            state.SeenIds.Remove(state.SeenOrder.Dequeue());
        }
        state.EventsCounted++;
        if (item is MoneyMoved moved)
        {
            state.Movements.Add(moved);
            var since = clock.GetUtcNow() - Window;
            state.Movements.RemoveAll(m => m.OccurredAt < since);
            if (state.Movements.Count > MovementsKept)
            {
                state.Movements.RemoveRange(0, state.Movements.Count - MovementsKept);
            }
        }
        else
        {
            state.Signals.Add(item);
            if (state.Signals.Count > SignalsKept)
            {
                state.Signals.RemoveAt(0);
            }
        }
        await risk.WriteStateAsync();
    }

    public Task OnCompletedAsync() => Task.CompletedTask;

    public Task OnErrorAsync(Exception ex) => Task.CompletedTask;
}

[GenerateSerializer, Alias("Wallet.RiskState")]
public sealed class RiskState
{
    [Id(0)] public HashSet<string> SeenIds { get; set; } = [];
    [Id(1)] public Queue<string> SeenOrder { get; set; } = new();
    [Id(2)] public int EventsCounted { get; set; }

    /// <summary>Money in and out within <see cref="RiskMonitorGrain.Window"/>, oldest first.</summary>
    [Id(3)] public List<MoneyMoved> Movements { get; set; } = [];

    /// <summary>The latest other events, oldest first.</summary>
    [Id(4)] public List<WalletEvent> Signals { get; set; } = [];
}
