namespace Wallet.Events;

/// <summary>
/// One shard of the movements' publication log, keyed 0 to <see cref="EventOutbox.Shards"/> - 1. A movement
/// writes down that it may commit here before its transaction, and says so when its events are published;
/// a reminder per shard has every movement still written down after a while (a crash, a failed publish)
/// publish its events again. Consumers de-duplicate by event id, so publishing twice is harmless.
/// </summary>
[Alias("Wallet.IEventOutboxGrain")]
public interface IEventOutboxGrain : IGrainWithIntegerKey
{
    /// <summary>Completes once it is stored that the movement may commit and publish.</summary>
    [Alias("Expect")]
    Task Expect(string movementId);

    /// <summary>The movement's events are published (or it committed none).</summary>
    [Alias("Published"), OneWay]
    Task Published(string movementId);

    /// <summary>Movements written down and not yet published, for tests and operators.</summary>
    [Alias("Pending")]
    Task<IReadOnlyList<string>> Pending();
}

public static class EventOutbox
{
    public const int Shards = 16;

    /// <summary>A movement's shard, the same in every process.</summary>
    public static long ShardOf(string movementId) => Ledger.StableHash.Of(movementId) % Shards;
}
