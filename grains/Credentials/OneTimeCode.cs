using System.Globalization;
using System.Security.Cryptography;
using Wallet.Refusals;

namespace Wallet.Credentials;

/// <summary>
/// A six-digit code sent by SMS for one purpose (binding a card, a reset, unfreezing): kept only as
/// a slow hash, valid for a few minutes, and dead after <see cref="MaxAttempts"/> wrong tries.
/// </summary>
[GenerateSerializer, Alias("Wallet.OneTimeCode")]
public sealed class OneTimeCode
{
    public const int MaxAttempts = 5;
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    [Id(0)] public string Purpose { get; set; } = "";
    [Id(1)] public string Hash { get; set; } = "";
    [Id(2)] public DateTimeOffset ExpiresAt { get; set; }
    [Id(3)] public int FailedAttempts { get; set; }

    /// <summary>A new code for <paramref name="purpose"/>: the stored form, and the digits to text (never kept).</summary>
    public static async Task<(OneTimeCode Code, string Digits)> IssueAsync(string purpose, SecretHasher hasher, DateTimeOffset now)
    {
        var digits = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
        return (new OneTimeCode { Purpose = purpose, Hash = await hasher.HashAsync(digits), ExpiresAt = now + Lifetime }, digits);
    }

    /// <summary>
    /// Throws unless <paramref name="digits"/> is this code, unexpired and for <paramref name="purpose"/>;
    /// a wrong try is counted here, so the caller must store the code after a refusal too.
    /// </summary>
    public async Task CheckAsync(string purpose, string digits, DateTimeOffset now, SecretHasher hasher)
    {
        if (FailedAttempts >= MaxAttempts)
        {
            throw new WalletRefusedException(RefusalCodes.VerificationLocked, "Too many wrong codes; ask for a new one.");
        }
        if (Purpose != purpose || now > ExpiresAt || !await hasher.VerifyAsync(digits, Hash))
        {
            FailedAttempts++;
            throw new WalletRefusedException(RefusalCodes.InvalidVerificationCode, "The verification code is wrong or has expired.");
        }
    }
}
