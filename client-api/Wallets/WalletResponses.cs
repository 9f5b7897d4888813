using Wallet.Wallets;

namespace Wallet.ClientApi.Wallets;

public sealed record OpenWalletRequest(string? Currency);

/// <summary>A wallet as its owner sees it; the owner id and the ledger internals are not shown.</summary>
public sealed record WalletResponse(string Id, string Currency, long Balance, long Available, WalletStatus Status, DateTimeOffset OpenedAt)
{
    public static WalletResponse From(WalletView view)
        => new(view.WalletId, view.Currency, view.Balance, view.Available, view.Status, view.OpenedAt);
}

public sealed record EntryResponse(
    string Id,
    MovementKind Kind,
    EntryDirection Direction,
    long Amount,
    string Currency,
    long BalanceAfter,
    string? Counterparty,
    string? Memo,
    string MovementId,
    DateTimeOffset CreatedAt)
{
    public static EntryResponse From(string walletId, WalletEntry entry) => new(
        $"{walletId}.{entry.Sequence}", entry.Kind, entry.Direction, entry.Amount, entry.Currency, entry.BalanceAfter,
        entry.Counterparty, entry.Memo, entry.MovementId, entry.CreatedAt);
}

/// <summary>The list shape every collection uses: newest first, and an opaque cursor to the next page.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);
