namespace Wallet.Hosting;

/// <summary>
/// The embedded mode's event streams (<c>Wallet:Streams</c>), in memory. On PostgreSQL the events go
/// through the event log instead (<see cref="Events.EventOptions"/>).
/// </summary>
public sealed class EventStreamOptions
{
    public const string Section = "Wallet:Streams";

    /// <summary>Queues per silo; each is pulled by one agent, so this bounds parallel delivery.</summary>
    public int Queues { get; set; } = 8;
}
