namespace Wallet.Wallets;

/// <summary>A page request over a wallet's entries, newest first.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.EntryQuery")]
public sealed record EntryQuery(
    [property: Id(0)] int Limit,
    [property: Id(1)] long? BeforeSequence,
    [property: Id(2)] DateTimeOffset? From,
    [property: Id(3)] DateTimeOffset? To,
    [property: Id(4)] MovementKind? Kind);

[GenerateSerializer, Immutable, Alias("Wallet.EntryPage")]
public sealed record EntryPage(
    [property: Id(0)] IReadOnlyList<WalletEntry> Items,
    [property: Id(1)] long? NextBeforeSequence);
