namespace Wallet.Events;

/// <summary>The movements' publication log (<c>Wallet:Events</c>).</summary>
public sealed class EventOptions
{
    public const string Section = "Wallet:Events";

    /// <summary>
    /// How long a movement written down stays before its shard has it publish again: longer than a
    /// movement normally takes, so a movement still under way is rarely asked.
    /// </summary>
    public TimeSpan RepublishAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a movement with nothing recorded is asked again before it is taken as never committed.</summary>
    public TimeSpan ForgetUnrecordedAfter { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How often each shard's reminder looks (Orleans' minimum is a minute; tests call the reminder themselves).</summary>
    public TimeSpan CheckEvery { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Partitions of the PostgreSQL event log, each read in order by one reader: bounds parallel delivery.</summary>
    public int LogPartitions { get; set; } = 8;

    /// <summary>How often an idle reader looks for new events: the most it adds to an alert's delay.</summary>
    public TimeSpan LogPollEvery { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>The most events a reader delivers, and stores its position for, at once.</summary>
    public int LogReadBatch { get; set; } = 512;

    /// <summary>How often every silo wakes the readers, so one lost with its silo is back within this.</summary>
    public TimeSpan WakeReadersEvery { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Delivered events stay in the log this long (for operators and a replay), then go in bulk.</summary>
    public TimeSpan LogKeptFor { get; set; } = TimeSpan.FromHours(1);
}
