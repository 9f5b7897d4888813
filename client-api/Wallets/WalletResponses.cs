using Wallet.Limits;
using Wallet.Wallets;

namespace Wallet.ClientApi.Wallets;

public sealed record OpenWalletRequest(string? Currency);

public sealed record UnfreezeRequest(string? Pin, string? Code);

/// <summary>An operator's hold or release of a wallet.</summary>
public sealed record WalletStatusRequest(WalletStatus? Status, string? Reason);

/// <summary>
/// A wallet as its owner sees it: the limits of the owner's tier (minor units, null for none) and
/// what is spent against them on the current bank day and year. The owner id and ledger internals are not shown.
/// </summary>
public sealed record WalletResponse(
    string Id, string Currency, long Balance, long Available, WalletStatus Status, DateTimeOffset OpenedAt,
    int Tier, LimitsResponse Limits, UsageResponse Usage, long Points)
{
    public static WalletResponse From(WalletView view) => new(
        view.WalletId, view.Currency, view.Balance, view.Available, view.Status, view.OpenedAt,
        view.Tier, LimitsResponse.From(view.Limits), new UsageResponse(view.Usage.Day, view.Usage.DailyOut, view.Usage.YearlyOut), view.Points);
}

public sealed record LimitsResponse(long? BalanceCap, long? Single, long? Daily, long? Yearly)
{
    public static LimitsResponse From(TierLimits limits) => new(limits.BalanceCap, limits.Single, limits.Daily, limits.Yearly);
}

/// <summary>Spent on <see cref="Day"/> (the bank's day, Asia/Shanghai) and in its year.</summary>
public sealed record UsageResponse(DateOnly Day, long Daily, long Yearly);

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
