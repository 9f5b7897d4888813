namespace Wallet.Events;

/// <summary>
/// Transactional state that carries the events of its last change. On PostgreSQL the group commit appends
/// the events of a newly committed state to the event log in the database transaction that stores it as
/// committed, so they exist exactly when the change does: no outbox, no publishing after the commit.
/// </summary>
public interface ICommitsEvents
{
    IReadOnlyList<WalletEvent> Events { get; }
}

/// <summary>A grain's state that carries its own events until they are published.</summary>
public interface IHoldsEvents
{
    List<WalletEvent> Outbox { get; }
}

/// <summary>
/// The outbox of one grain's state: each event is put in the state with the change it reports and written with
/// it, published after the write and then dropped; what a crash or a failed publish left goes out after the next
/// write or on the next activation. Consumers de-duplicate by event id. Customers' grains and wallets use it.
/// </summary>
public sealed partial class StateOutbox<TState>(IPersistentState<TState> state, string holderId, IWalletEventPublisher publisher, ILogger logger)
    where TState : IHoldsEvents
{
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
            LogPublishFailed(logger, holderId, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Events of {HolderId} were not published; they go out after its next change or activation")]
    private static partial void LogPublishFailed(ILogger logger, string holderId, Exception exception);
}
