using Wallet.Events;

namespace Wallet.Movements;

/// <summary>
/// A movement's own record, in transactional state: written in the same transaction as the debit and the
/// credit, so it is there exactly when the money moved. Each workflow's record adds what it keeps besides.
/// </summary>
[GenerateSerializer, Alias("Wallet.MovementRecord`1")]
public abstract class MovementRecord<TReceipt> : ICommitsEvents where TReceipt : MovementOutcome
{
    /// <summary>Who asked for the movement (a customer, or a merchant): the only caller its key replays for.</summary>
    [Id(0)] public string? CallerId { get; set; }

    /// <summary>The fingerprint of the request that made it: the same key with another body is refused.</summary>
    [Id(1)] public string? Fingerprint { get; set; }

    [Id(2)] public TReceipt? Receipt { get; set; }

    /// <summary>On PostgreSQL, the events of the outcome: appended to the event log by the commit that stores it.</summary>
    [Id(3)] public List<WalletEvent> Events { get; set; } = [];

    IReadOnlyList<WalletEvent> ICommitsEvents.Events => Events;
}
