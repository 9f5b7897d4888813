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
}
