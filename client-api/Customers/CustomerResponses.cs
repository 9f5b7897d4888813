using Wallet.Customers;

namespace Wallet.ClientApi.Customers;

public sealed record CustomerCreatedResponse(string CustomerId, int Tier);

public sealed record TokenResponse(string AccessToken, string TokenType, int ExpiresIn);

/// <summary>The caller's own profile. Password and PIN hashes stay in the grain; only whether a PIN is set shows.</summary>
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
    string? IdNumber)
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
        profile.IdNumberMasked);
}

/// <summary>The outcome of real-name verification: the new tier, the verified name and the masked number.</summary>
public sealed record VerificationResponse(int Tier, string RealName, string IdNumber);
