using System.Security.Cryptography;
using System.Text;

namespace Wallet.Customers;

/// <summary>
/// One signed-in session. Its refresh token is random and long, so a fast hash keeps it safe at rest.
/// Each refresh rotates it; a token already rotated away coming back means a copy is in someone
/// else's hands, and the session ends (OAuth's refresh-token reuse detection).
/// </summary>
[GenerateSerializer, Alias("Wallet.Session")]
public sealed class Session
{
    private const int RememberedUsed = 16;

    [Id(0)] public string CurrentHash { get; set; } = "";
    [Id(1)] public List<string> UsedHashes { get; set; } = [];
    [Id(2)] public DateTimeOffset StartedAt { get; set; }
    [Id(3)] public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>A new secret for the session: its hash is kept, the secret returned once.</summary>
    public string Rotate(DateTimeOffset expiresAt)
    {
        if (CurrentHash.Length > 0)
        {
            UsedHashes.Add(CurrentHash);
            if (UsedHashes.Count > RememberedUsed)
            {
                UsedHashes.RemoveAt(0);
            }
        }
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        CurrentHash = Hash(secret);
        ExpiresAt = expiresAt;
        return secret;
    }

    public bool IsCurrent(string secret) => CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(secret)), Encoding.ASCII.GetBytes(CurrentHash));

    public bool WasUsed(string secret) => UsedHashes.Contains(Hash(secret));

    private static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
