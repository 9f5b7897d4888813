using Microsoft.Extensions.Options;
using Wallet.Hosting;
using Wallet.Movements;
using Wallet.Storage;

namespace Wallet.Events;

/// <summary>
/// One shard of the movements' publication log. Reentrant, with writes coalesced: movements that
/// commit together share a write. Its reminder (registered on first use, kept for good) wakes it
/// after a restart, so a movement that committed just before a crash still has its events published.
/// </summary>
[Reentrant]
public sealed partial class EventOutboxGrain(
    [PersistentState("outbox", StorageNames.Wallet)] IPersistentState<EventOutboxState> outbox,
    IOptions<EventOptions> options,
    TimeProvider time,
    ILogger<EventOutboxGrain> logger)
    : Grain, IEventOutboxGrain, IRemindable
{
    private const string Reminder = "republish";
    private readonly CoalescedWrites _writes = new(() => outbox.WriteStateAsync());
    private bool _reminded;
    private bool _republishing;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Movement {MovementId} could not publish its events again; the next check tries again")]
    private static partial void LogRepublishFailed(ILogger logger, string movementId, Exception exception);

    public async Task Expect(string movementId)
    {
        outbox.State.Pending.TryAdd(movementId, time.GetUtcNow());
        await _writes.Save();
        if (!_reminded)
        {
            _reminded = true;
            await this.RegisterOrUpdateReminder(Reminder, options.Value.CheckEvery, options.Value.CheckEvery);
        }
    }

    public Task Published(string movementId)
    {
        if (outbox.State.Pending.Remove(movementId))
        {
            _ = _writes.Save(); // not awaited by anyone: at worst the movement publishes once more after a crash
        }
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<string>> Pending() => Task.FromResult<IReadOnlyList<string>>([.. outbox.State.Pending.Keys]);

    /// <summary>Has every movement written down longer than <see cref="EventOptions.RepublishAfter"/> publish again.</summary>
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (_republishing)
        {
            return;
        }
        _republishing = true;
        try
        {
            var now = time.GetUtcNow();
            foreach (var (movementId, since) in outbox.State.Pending.Where(p => p.Value <= now - options.Value.RepublishAfter).ToList())
            {
                try
                {
                    // Nothing recorded: still under way (keep asking) or never committed (forgotten once no transaction can still be running).
                    if (await (MovementIds.Grain(GrainFactory, movementId)?.Republish() ?? Task.FromResult(false)) || since <= now - options.Value.ForgetUnrecordedAfter)
                    {
                        outbox.State.Pending.Remove(movementId);
                    }
                }
                catch (Exception exception) when (exception is not OutOfMemoryException)
                {
                    LogRepublishFailed(logger, movementId, exception);
                }
            }
            await _writes.Save();
        }
        finally
        {
            _republishing = false;
        }
    }
}

[GenerateSerializer, Alias("Wallet.EventOutboxState")]
public sealed class EventOutboxState
{
    /// <summary>Movements that may have committed and not yet published, with when they were written down.</summary>
    [Id(0)] public Dictionary<string, DateTimeOffset> Pending { get; set; } = [];
}
