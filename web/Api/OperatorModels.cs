namespace Wallet.Web.Api;

public sealed record RiskAlert(string AlertId, string CustomerId, string Rule, string Detail, string Action, string EventId, DateTimeOffset EventAt,
    DateTimeOffset RaisedAt, string Status, DateTimeOffset? ReviewedAt, string? ReviewedBy, string? Note);

public sealed record HeldMovement(string MovementId, string Kind, string Status, Party From, Party To, long Amount, string Currency,
    DateTimeOffset CreatedAt, string? RefusalCode, string? ReviewedBy, string? ReviewNote, DateTimeOffset? ReviewedAt);

public sealed record RiskStanding(string CustomerId, string Restriction, IReadOnlyList<RiskAlert> Alerts, IReadOnlyList<HeldMovement> Held);

public sealed record RiskReviewRequest(string? Note);

public sealed record CurrencyBooks(string Currency, long Wallets, long Clearing, long Total);

public sealed record LedgerCheck(bool Balanced, int WalletCount, int NegativeWallets, IReadOnlyList<CurrencyBooks> Currencies);

public sealed record MerchantListing(string MerchantId, string Name, string? NameLatin, string Category, string City, DateTimeOffset OnboardedAt);

public sealed record MerchantView(string MerchantId, string Name, string Category, string City, string SettlementWalletId, long Balance, string Currency);

public sealed record Settlement(string SettlementId, long Gross, long Fee, long Net, string Currency, string CardMasked, DateTimeOffset SettledAt, bool Scheduled,
    string Status, DateTimeOffset? PaidAt);

public sealed record WebhookDelivery(string EventId, string Type, DateTimeOffset CreatedAt, string Status, int Attempts, DateTimeOffset? LastAttemptAt,
    int? LastResponseStatus, string? LastError, DateTimeOffset? NextAttemptAt);

/// <summary>A customer as operators see them: the profile the customer sees, with their wallets.</summary>
public sealed record CustomerProfile(string CustomerId, string Phone, int Tier, string? RealName, string Restriction, IReadOnlyList<WalletView> Wallets);

public sealed record WalletStatusRequest(string Status, string Reason);
