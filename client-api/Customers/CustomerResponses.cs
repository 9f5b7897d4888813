using Wallet.ClientApi.Wallets;
using Wallet.Customers;
using Wallet.Limits;

namespace Wallet.ClientApi.Customers;

public sealed record CustomerCreatedResponse(string CustomerId, int Tier);

/// <summary>A short-lived access token and the session's refresh token (single use: each refresh returns the next).</summary>
public sealed record TokenResponse(string AccessToken, string TokenType, int ExpiresIn, string RefreshToken, int RefreshExpiresIn);

/// <summary>
/// The caller's own profile, with the limits of their tier in CNY and how the tier came to be.
/// Password and PIN hashes stay in the grain; only whether a PIN is set shows.
/// </summary>
public sealed record MeResponse(
    string CustomerId,
    string Phone,
    int Tier,
    string Role,
    bool HasPaymentPin,
    IReadOnlyList<Wallets.WalletResponse> Wallets,
    IReadOnlyList<Cards.CardResponse> Cards,
    DateTimeOffset CreatedAt,
    string? RealName,
    string? IdNumber,
    LimitsResponse Limits,
    IReadOnlyList<TierChangeResponse> TierHistory,
    Wallet.Risk.RiskAction Restriction)
{
    public static MeResponse From(CustomerProfile profile) => new(
        profile.CustomerId,
        profile.Phone,
        profile.Tier,
        profile.Role == CustomerRole.Operator ? Hosting.Roles.Operator : Hosting.Roles.Customer,
        profile.HasPaymentPin,
        [.. profile.Wallets.Select(Wallet.ClientApi.Wallets.WalletResponse.From)],
        [.. profile.Cards.Select(Wallet.ClientApi.Cards.CardResponse.From)],
        profile.CreatedAt,
        profile.RealName,
        profile.IdNumberMasked,
        LimitsResponse.From(profile.Limits ?? TierLimits.None),
        [.. (profile.TierHistory ?? []).Select(c => new TierChangeResponse(c.From, c.To, c.Reason, c.At))],
        profile.Restriction);
}

/// <summary>One upgrade or downgrade of the customer's tier, and why.</summary>
public sealed record TierChangeResponse(int From, int To, string Reason, DateTimeOffset At);

/// <summary>An operator's change of a customer's tier.</summary>
public sealed record TierChangeRequest(int? Tier, string? Reason);

/// <summary>The outcome of real-name verification: the new tier, the verified name and the masked number.</summary>
public sealed record VerificationResponse(int Tier, string RealName, string IdNumber);

/// <summary>The caller's data to take away: what <c>GET /v1/me</c> shows, every wallet with its whole history, and the open sessions.</summary>
public sealed record ExportResponse(MeResponse Profile, IReadOnlyList<WalletExportResponse> Wallets, IReadOnlyList<SessionResponse> Sessions, DateTimeOffset ExportedAt)
{
    public static ExportResponse From(CustomerExport export) => new(
        MeResponse.From(export.Profile),
        [.. export.Wallets.Select(w => new WalletExportResponse(WalletResponse.From(w.Wallet), [.. w.Entries.Select(e => EntryResponse.From(w.Wallet.WalletId, e))]))],
        [.. export.Sessions.Select(s => new SessionResponse(s.SessionId, s.StartedAt, s.ExpiresAt))],
        export.ExportedAt);
}

public sealed record WalletExportResponse(WalletResponse Wallet, IReadOnlyList<EntryResponse> Entries);

public sealed record SessionResponse(string Id, DateTimeOffset StartedAt, DateTimeOffset ExpiresAt);

public sealed record DeviceResponse(string Id, DateTimeOffset RegisteredAt);

public sealed record ChallengeResponse(string ChallengeId, string Nonce, DateTimeOffset ExpiresAt);
