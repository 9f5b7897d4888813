namespace Wallet.Credentials;

/// <summary>How hard passwords, PINs and codes are to guess from a stolen hash (<c>Wallet:Credentials</c>).</summary>
public sealed class CredentialOptions
{
    public const string Section = "Wallet:Credentials";

    /// <summary>PBKDF2-HMAC-SHA512 rounds; OWASP's 2023 floor is 210,000. Tests lower it to stay fast.</summary>
    public int HashIterations { get; set; } = 210_000;
}
