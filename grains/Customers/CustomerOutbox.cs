using Wallet.Events;
using Wallet.Identity;

namespace Wallet.Customers;

/// <summary>A customer grain's state that carries its own events until they are published.</summary>
public interface IHoldsCustomerEvents
{
    List<WalletEvent> Outbox { get; }
}

/// <summary>
/// The customer's own events (sign-ins, wrong PINs, device and card changes), for whichever of the customer's
/// grains makes the change. Each is put in that grain's state with the change it reports and written with it
/// (the outbox), published after the write and then dropped; what a crash or a failed publish left is
/// published again after the next write or on the next activation. Consumers de-duplicate by event id.
/// </summary>
public sealed partial class CustomerOutbox<TState>(
    IPersistentState<TState> state, string customerId, IWalletEventPublisher publisher, ILogger logger, TimeProvider clock)
    where TState : IHoldsCustomerEvents
{
    /// <summary>Puts an event in the outbox; it is written with the state change that follows.</summary>
    public void Record(Func<string, string, DateTimeOffset, WalletEvent> create)
        => state.State.Outbox.Add(create(Ids.New("evt"), customerId, clock.GetUtcNow()));

    /// <summary>Writes the state (the change and its events together), then publishes the events.</summary>
    public async Task SaveAndPublish()
    {
        await state.WriteStateAsync();
        await PublishRecorded();
    }

    /// <summary>On activation: what a crash or a failed publish left goes out now.</summary>
    public async Task PublishLeftOver()
    {
        if (state.RecordExists && state.State.Outbox.Count is > 0 and var left)
        {
            await PublishRecorded();
            if (state.State.Outbox.Count < left)
            {
                await state.WriteStateAsync(); // so the next activation does not publish them again
            }
        }
    }

    private async Task PublishRecorded()
    {
        try
        {
            await Outboxes.PublishAll(state.State.Outbox, publisher);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            CustomerOutboxLog.PublishFailed(logger, customerId, exception);
        }
    }
}

internal static partial class CustomerOutboxLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Events of customer {CustomerId} were not published; they are published again after the next change")]
    public static partial void PublishFailed(ILogger logger, string customerId, Exception exception);
}
