namespace Wallet.Wallets;

/// <summary>A page request over a wallet's entries, newest first.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.EntryQuery")]
public sealed record EntryQuery(
    [property: Id(0)] int Limit,
    [property: Id(1)] long? BeforeSequence,
    [property: Id(2)] DateTimeOffset? From,
    [property: Id(3)] DateTimeOffset? To,
    [property: Id(4)] MovementKind? Kind)
{
    /// <summary>Whether an entry passes the kind and time filters (the page position is the reader's business).</summary>
    public bool Matches(WalletEntry entry)
        => (Kind is not { } kind || entry.Kind == kind)
           && (From is not { } from || entry.CreatedAt >= from)
           && (To is not { } to || entry.CreatedAt < to);
}

[GenerateSerializer, Immutable, Alias("Wallet.EntryPage")]
public sealed record EntryPage(
    [property: Id(0)] IReadOnlyList<WalletEntry> Items,
    [property: Id(1)] long? NextBeforeSequence);
