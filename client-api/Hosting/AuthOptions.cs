namespace Wallet.ClientApi.Hosting;

/// <summary>Bearer-token settings (<c>Wallet:Auth</c>). The signing key is a secret: configuration only.</summary>
public sealed class AuthOptions
{
    public const string Section = "Wallet:Auth";
    public const string Issuer = "wallet-orleans";
    public const string Audience = "wallet-orleans-api";

    /// <summary>Base64 of at least 32 random bytes, for HMAC-SHA256.</summary>
    public string? SigningKey { get; set; }

    public int AccessTokenMinutes { get; set; } = 15;
}
