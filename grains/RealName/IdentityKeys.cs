using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Wallet.RealName;

/// <summary>
/// Names an identity number without revealing it: HMAC-SHA256 under a secret key. An unkeyed hash
/// would not do — birth date, region and three digits are few enough to try them all.
/// </summary>
public sealed class IdentityKeys
{
    private readonly byte[] _key;

    public IdentityKeys(IOptions<IdentityKeyOptions> options)
    {
        if (options.Value.DirectoryKey is { Length: > 0 } configured)
        {
            _key = Convert.FromBase64String(configured);
            if (_key.Length < 32)
            {
                throw new InvalidOperationException($"{IdentityKeyOptions.Section}:DirectoryKey must be base64 of at least 32 bytes.");
            }
        }
        else
        {
            _key = RandomNumberGenerator.GetBytes(32); // embedded runs: the directory lives no longer than the process
        }
    }

    public string KeyOf(string idNumber) => Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(idNumber.ToUpperInvariant())));

    /// <summary>
    /// Names a card number in the card directory under the same secret (a card number is as guessable as
    /// an identity number: a bank's prefix, a check digit, a few digits to try). The prefix keeps the two
    /// directories' names apart.
    /// </summary>
    public string CardKeyOf(string cardNumber) => Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes("card:" + cardNumber)));
}

/// <summary>The secret behind <see cref="IdentityKeys"/> (<c>Wallet:RealName:DirectoryKey</c>); Production refuses to start without it.</summary>
public sealed class IdentityKeyOptions
{
    public const string Section = "Wallet:RealName";

    public string? DirectoryKey { get; set; }
}
