namespace Wallet.Risk;

/// <summary>
/// A rule that fired on one of the customer's events, and the restriction it put the customer under (its
/// <c>action</c> on the wire: what risk control did, which is that restriction). Its id derives from the event
/// and the rule, so a redelivered event raises nothing new. Open until an operator reviews it (or lifts the
/// customer's restriction).
/// </summary>
[GenerateSerializer, Immutable, Alias("Wallet.RiskAlert")]
public sealed record RiskAlert(
    [property: Id(0)] string AlertId,
    [property: Id(1)] string CustomerId,
    [property: Id(2)] RiskRule Rule,
    [property: Id(3)] string Detail,
    [property: Id(4)] Restriction Restriction,
    [property: Id(5)] string EventId,
    [property: Id(6)] DateTimeOffset EventAt,
    [property: Id(7)] DateTimeOffset RaisedAt)
{
    [Id(8)] public DateTimeOffset? ReviewedAt { get; init; }

    [Id(9)] public string? ReviewedBy { get; init; }

    [Id(10)] public string? Note { get; init; }

    public bool IsOpen => ReviewedAt is null;

    public RiskAlert Reviewed(string operatorId, DateTimeOffset at, string? note)
        => IsOpen ? this with { ReviewedAt = at, ReviewedBy = operatorId, Note = note } : this;
}

/// <summary>Where a customer stands: their restriction, their latest alerts (newest first) and the movements held for review.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.RiskStanding")]
public sealed record RiskStanding(
    [property: Id(0)] string CustomerId,
    [property: Id(1)] Restriction Restriction,
    [property: Id(2)] IReadOnlyList<RiskAlert> Alerts,
    [property: Id(3)] IReadOnlyList<Movements.ReviewableOutcome> Held);

/// <summary>A page of alerts, newest first; <see cref="NextCursor"/> continues after the last.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.RiskAlertPage")]
public sealed record RiskAlertPage(
    [property: Id(0)] IReadOnlyList<RiskAlert> Items,
    [property: Id(1)] string? NextCursor);
