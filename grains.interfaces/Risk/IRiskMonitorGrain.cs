using Wallet.Events;

namespace Wallet.Risk;

/// <summary>
/// A customer's risk monitor: fed by the customer's event stream (an implicit subscription), it keeps
/// the windowed state the rules read, raises alerts and moves the customer up the escalation ladder.
/// Keyed by customer id. Each event counts once, by its id.
/// </summary>
[Alias("Wallet.IRiskMonitorGrain")]
public interface IRiskMonitorGrain : IGrainWithStringKey
{
    /// <summary>Events of the customer's, in the order they happened (the event log's readers deliver a batch at a time).</summary>
    [Alias("Observe")]
    Task Observe(IReadOnlyList<WalletEvent> events);

    [Alias("GetSnapshot")]
    Task<RiskSnapshot> GetSnapshot();

    [Alias("GetStanding")]
    Task<RiskStanding> GetStanding();

    /// <summary>A movement of the customer's is held for review (said again on a replay: noting it twice changes nothing).</summary>
    [Alias("NoteHeld")]
    Task NoteHeld(Movements.ReviewableOutcome held);

    /// <summary>A held movement was released or rejected.</summary>
    [Alias("ForgetHeld")]
    Task ForgetHeld(string movementId);

    /// <summary>An operator closes an alert (with a note); where the customer stands does not change.</summary>
    [Alias("Review")]
    Task<RiskAlert?> Review(string alertId, string operatorId, string? note);

    /// <summary>An operator lifts the customer's restriction (an unfreeze): back to no restriction, every open alert reviewed.</summary>
    [Alias("Lift")]
    Task<RiskStanding> Lift(string operatorId, string? note);
}

/// <summary>What the monitor holds now: the events it counted, the latest money movements, and the latest other events (sign-ins, PINs, devices).</summary>
[GenerateSerializer, Immutable, Alias("Wallet.RiskSnapshot")]
public sealed record RiskSnapshot(
    [property: Id(0)] int EventsCounted,
    [property: Id(1)] IReadOnlyList<MoneyMoved> RecentMovements,
    [property: Id(2)] IReadOnlyList<WalletEvent> RecentSignals);
