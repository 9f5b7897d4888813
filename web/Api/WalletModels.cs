namespace Wallet.Web.Api;

public sealed record OpenWalletRequest(string Currency);

public sealed record WalletView(string WalletId, string Currency, long Balance, long Available, string Status, DateTimeOffset OpenedAt, int Tier);

public sealed record Party(string? WalletId, string? CardId, string? MerchantId);

public sealed record Entry(string EntryId, string Kind, string Direction, long Amount, string Currency, long BalanceAfter, Party? Counterparty,
    string? Memo, string MovementId, DateTimeOffset CreatedAt, string Category, string? Note);

public sealed record WalletOverview(WalletView Wallet, IReadOnlyList<Entry> RecentEntries);

public sealed record UnfreezeRequest(string Pin, string Code);

public sealed record StatementMonth(string Month, string Status);
