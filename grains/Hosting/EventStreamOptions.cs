namespace Wallet.Hosting;

/// <summary>
/// The event streams (<c>Wallet:Streams</c>): in memory in the embedded mode, in PostgreSQL queues in
/// production, where an event survives the silo that published it.
/// </summary>
public sealed class EventStreamOptions
{
    public const string Section = "Wallet:Streams";

    /// <summary>Queues per service; each is pulled by one silo at a time, so this bounds parallel delivery.</summary>
    public int Queues { get; set; } = 8;

    /// <summary>
    /// How long a taken batch stays hidden from other silos. When a silo dies holding it, this is how
    /// long its events wait before another silo delivers them; it must exceed a batch's delivery time.
    /// </summary>
    public TimeSpan VisibilityTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Delivery attempts before an event becomes a dead letter.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>An event nobody could take in this long becomes a dead letter (kept a week for operators).</summary>
    public TimeSpan ExpiryTimeout { get; set; } = TimeSpan.FromHours(1);
}
