using Wallet.Events;
using Wallet.Identity;

namespace Wallet.Customers;

/// <summary>A customer grain's state that carries its own events until they are published.</summary>
public interface IHoldsCustomerEvents : IHoldsEvents;

/// <summary>
/// The customer's own events (sign-ins, wrong PINs, device and card changes), for whichever of the customer's
/// grains makes the change: recorded in that grain's state and published through its <see cref="StateOutbox{TState}"/>.
/// </summary>
public sealed class CustomerOutbox<TState>(
    IPersistentState<TState> state, string customerId, IWalletEventPublisher publisher, ILogger logger, TimeProvider clock)
    where TState : IHoldsCustomerEvents
{
    private readonly StateOutbox<TState> _outbox = new(state, customerId, publisher, logger);

    /// <summary>Puts an event in the outbox; it is written with the state change that follows.</summary>
    public void Record(Func<string, string, DateTimeOffset, WalletEvent> create)
        => state.State.Outbox.Add(create(Ids.New(IdPrefixes.Event), customerId, clock.GetUtcNow()));

    /// <summary>Writes the state (the change and its events together), then publishes the events.</summary>
    public Task SaveAndPublish() => _outbox.SaveAndPublish();

    /// <summary>On activation: what a crash or a failed publish left goes out now.</summary>
    public Task PublishLeftOver() => _outbox.PublishLeftOver();
}
