namespace Wallet.Credentials;

/// <summary>How hard passwords, PINs and codes are to guess from a stolen hash (<c>Wallet:Credentials</c>).</summary>
public sealed class CredentialOptions
{
    public const string Section = "Wallet:Credentials";

    /// <summary>PBKDF2-HMAC-SHA512 rounds; OWASP's 2023 floor is 210,000. Tests lower it to stay fast.</summary>
    public int HashIterations { get; set; } = 210_000;

    /// <summary>Wrong payment PINs in a row that lock payments.</summary>
    public int PinAttempts { get; set; } = 5;

    /// <summary>How long a PIN lock lasts; unset, until the next bank day (midnight in Shanghai).</summary>
    public TimeSpan? PinLockFor { get; set; }

    /// <summary>Wrong login passwords in a row that lock signing in, and for how long.</summary>
    public int LoginAttempts { get; set; } = 5;

    public TimeSpan LoginLockFor { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>A refresh token lives this long after its last use; each use rotates it.</summary>
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Sessions a customer may hold at once; signing in beyond that ends the oldest.</summary>
    public int MaxSessions { get; set; } = 10;
}
