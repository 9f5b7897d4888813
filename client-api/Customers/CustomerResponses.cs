using Wallet.ClientApi.Contract;
using Wallet.ClientApi.Support;
using Wallet.ClientApi.Wallets;
using Wallet.Customers;
using Wallet.Limits;

namespace Wallet.ClientApi.Customers;

/// <summary>A customer just registered.</summary>
/// <param name="CustomerId">The customer's id (<c>cus_…</c>).</param>
/// <param name="Tier">The real-name tier: 4 (phone number only) for a new customer; 1 is verified in person.</param>
public sealed record CustomerCreatedResponse(string CustomerId, int Tier);

/// <summary>A short-lived access token and the session's refresh token (single use: each refresh returns the next).</summary>
/// <param name="AccessToken">The JWT to send as <c>Authorization: Bearer …</c>.</param>
/// <param name="TokenType">Always <c>Bearer</c>.</param>
/// <param name="ExpiresIn">Seconds until the access token expires.</param>
/// <param name="RefreshToken">The token for <c>POST /v1/auth/refresh</c>, good once.</param>
/// <param name="RefreshExpiresIn">Seconds until the refresh token expires (the session ends then unless refreshed).</param>
public sealed record TokenResponse(string AccessToken, string TokenType, int ExpiresIn, string RefreshToken, int RefreshExpiresIn);

/// <summary>
/// The caller's own profile, with the limits of their tier in CNY and how the tier came to be.
/// Password and PIN hashes stay in the grain; only whether a PIN is set shows.
/// </summary>
/// <param name="CustomerId">The customer's id (<c>cus_…</c>).</param>
/// <param name="Phone">The registered mobile number, in E.164 form (<c>+8613800138000</c>).</param>
/// <param name="Tier">The real-name tier, which sets the limits: 4 phone only, 3 real name verified, 2 and a debit card in that name, 1 verified in person.</param>
/// <param name="Role"><c>customer</c>, or <c>operator</c> for the bank's staff.</param>
/// <param name="HasPaymentPin">Whether a payment PIN is set (money cannot go out without one, or a device key).</param>
/// <param name="Wallets">The customer's open wallets.</param>
/// <param name="Cards">The customer's cards, bound or waiting for the texted code.</param>
/// <param name="CreatedAt">When the customer registered, UTC, ISO 8601.</param>
/// <param name="RealName">The verified legal name, or null before real-name verification.</param>
/// <param name="IdNumber">The identity number masked to its first and last characters, or null before real-name verification.</param>
/// <param name="Limits">The limits of the tier in CNY, in fen; a null limit is no limit.</param>
/// <param name="TierHistory">Every change of tier, oldest first.</param>
/// <param name="Restriction">Where risk control holds the customer (see the Restriction schema); <c>none</c> when nothing is held.</param>
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
    Wallet.Risk.Restriction Restriction)
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
        LimitsResponse.From(profile.Limits ?? TierLimits.None, profile.LimitsCurrency),
        [.. (profile.TierHistory ?? []).Select(c => new TierChangeResponse(c.From, c.To, c.Reason, c.At))],
        profile.Restriction);
}

/// <summary>One upgrade or downgrade of the customer's tier, and why.</summary>
/// <param name="FromTier">The tier before.</param>
/// <param name="ToTier">The tier after.</param>
/// <param name="Reason">Why: what the customer did, or the operator's reason.</param>
/// <param name="ChangedAt">When, UTC, ISO 8601.</param>
public sealed record TierChangeResponse(int FromTier, int ToTier, string Reason, DateTimeOffset ChangedAt);

/// <summary>An operator's change of a customer's tier.</summary>
/// <param name="Tier">The new tier: 1 after verifying the customer in person, or a lower tier (a larger number) to downgrade.</param>
/// <param name="Reason">Why, 1 to 200 characters, kept in the customer's tier history.</param>
public sealed record TierChangeRequest([property: RequiredField] int? Tier, [property: RequiredField] string? Reason);

/// <summary>The outcome of real-name verification: the new tier, the verified name and the masked number.</summary>
/// <param name="Tier">The customer's tier now (3 or better).</param>
/// <param name="RealName">The verified legal name.</param>
/// <param name="IdNumber">The identity number masked to its first and last characters.</param>
public sealed record VerificationResponse(int Tier, string RealName, string IdNumber);

/// <summary>
/// The caller's data to take away: what <c>GET /v1/me</c> shows, every wallet with its whole history, the open sessions and
/// the conversation with customer care.
/// </summary>
/// <param name="Profile">What <c>GET /v1/me</c> shows.</param>
/// <param name="Wallets">Every wallet with its whole history.</param>
/// <param name="Sessions">The open sessions.</param>
/// <param name="SupportMessages">The conversation with customer care as <c>GET /v1/me/support</c> shows it, every message kept (the latest 200), newest first; images by id.</param>
/// <param name="ExportedAt">When the export was made, UTC, ISO 8601.</param>
public sealed record ExportResponse(MeResponse Profile, IReadOnlyList<WalletExportResponse> Wallets, IReadOnlyList<SessionResponse> Sessions,
    IReadOnlyList<SupportMessageResponse> SupportMessages, DateTimeOffset ExportedAt)
{
    public static ExportResponse From(CustomerExport export) => new(
        MeResponse.From(export.Profile),
        [.. export.Wallets.Select(w => new WalletExportResponse(WalletResponse.From(w.Wallet), [.. w.Entries.Select(e => EntryResponse.From(w.Wallet.WalletId, e))]))],
        [.. export.Sessions.Select(s => new SessionResponse(s.SessionId, s.StartedAt, s.ExpiresAt))],
        [.. export.Support.Messages.Select(m => SupportMessageResponse.Of(m, export.Support.IsRead(m), forOperator: false))],
        export.ExportedAt);
}

/// <summary>A wallet and its whole history.</summary>
/// <param name="Wallet">The wallet as <c>GET /v1/wallets/{id}</c> shows it.</param>
/// <param name="Entries">Every entry of the wallet.</param>
public sealed record WalletExportResponse(WalletResponse Wallet, IReadOnlyList<EntryResponse> Entries);

/// <summary>A signed-in session.</summary>
/// <param name="SessionId">The session's id (<c>ses_…</c>).</param>
/// <param name="StartedAt">When the customer signed in, UTC, ISO 8601.</param>
/// <param name="ExpiresAt">When the session ends unless refreshed, UTC, ISO 8601.</param>
public sealed record SessionResponse(string SessionId, DateTimeOffset StartedAt, DateTimeOffset ExpiresAt);

/// <summary>A registered device key.</summary>
/// <param name="DeviceId">The device key's id (<c>dev_…</c>).</param>
/// <param name="RegisteredAt">When it was registered, UTC, ISO 8601.</param>
public sealed record DeviceResponse(string DeviceId, DateTimeOffset RegisteredAt);

/// <summary>A one-time challenge for a device to sign, approving one payment instead of the PIN.</summary>
/// <param name="ChallengeId">The challenge's id (<c>chl_…</c>), to send back as <c>deviceSignature.challengeId</c>.</param>
/// <param name="Nonce">The value the device signs, base64, with the payment it approves.</param>
/// <param name="ExpiresAt">When the challenge can no longer be used, UTC, ISO 8601.</param>
public sealed record ChallengeResponse(string ChallengeId, string Nonce, DateTimeOffset ExpiresAt);
