using Wallet.Support;
using Wallet.Wallets;

namespace Wallet.Customers;

/// <summary>
/// Everything the bank holds about a customer that the customer may take away: profile, wallets with their full history,
/// sessions, and their conversation with customer care (the messages kept; images by id, fetched from the conversation).
/// </summary>
[GenerateSerializer, Immutable, Alias("Wallet.CustomerExport")]
public sealed record CustomerExport(
    [property: Id(0)] CustomerProfile Profile,
    [property: Id(1)] IReadOnlyList<WalletStatement> Wallets,
    [property: Id(2)] IReadOnlyList<SessionSummary> Sessions,
    [property: Id(4)] SupportConversation Support,
    [property: Id(3)] DateTimeOffset ExportedAt);

[GenerateSerializer, Immutable, Alias("Wallet.WalletStatement")]
public sealed record WalletStatement([property: Id(0)] WalletView Wallet, [property: Id(1)] IReadOnlyList<WalletEntry> Entries);

[GenerateSerializer, Immutable, Alias("Wallet.SessionSummary")]
public sealed record SessionSummary([property: Id(0)] string SessionId, [property: Id(1)] DateTimeOffset StartedAt, [property: Id(2)] DateTimeOffset ExpiresAt);
