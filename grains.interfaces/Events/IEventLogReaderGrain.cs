namespace Wallet.Events;

/// <summary>
/// The reader of one partition of the PostgreSQL event log, keyed 0 to the number of partitions - 1:
/// while active it delivers the partition's events in order to the customers' risk monitors, a batch at
/// a time, and stores where it is once per batch. Every silo wakes every reader every few seconds, so a
/// reader lost with its silo comes back on another.
/// </summary>
[Alias("Wallet.IEventLogReaderGrain")]
public interface IEventLogReaderGrain : IGrainWithIntegerKey
{
    /// <summary>Activates the reader if it is not (it then reads on its own); where it is, for operators and tests.</summary>
    [Alias("Wake")]
    Task<EventLogReaderStatus> Wake();
}

/// <summary>A reader's progress: events delivered since it activated, and batches stored.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.EventLogReaderStatus")]
public sealed record EventLogReaderStatus([property: Id(0)] long Delivered, [property: Id(1)] long Batches);
