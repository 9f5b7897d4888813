using System.Security.Cryptography;
using System.Text;

namespace Wallet.Identity;

/// <summary>Opaque identifiers: a short type prefix and 26 Crockford base32 characters.</summary>
public static class Ids
{
    private const string Alphabet = "0123456789abcdefghjkmnpqrstvwxyz";

    /// <summary>
    /// Whether a caller-supplied id can name a grain at all (Orleans refuses blank keys). Unknown but
    /// well-formed ids are simply not found; this only keeps blanks and control characters out.
    /// </summary>
    public static bool IsWellFormed(string? id)
        => id is { Length: > 0 and <= 128 } && id.All(c => !char.IsWhiteSpace(c) && !char.IsControl(c));

    /// <summary>Whether an owner id names a customer (not a merchant): ids carry their kind as a prefix.</summary>
    public static bool IsCustomer(string id) => id.StartsWith(IdPrefixes.Customer + "_", StringComparison.Ordinal);

    public static string New(string prefix) => prefix + "_" + Encode(RandomNumberGenerator.GetBytes(17));

    /// <summary>
    /// The id a caller's idempotency key stands for: the same caller and key always name the same
    /// movement grain, which is how a replay finds the first outcome without a lookup table.
    /// </summary>
    public static string ForIdempotencyKey(string prefix, string callerId, string idempotencyKey)
    {
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(callerId + "\n" + idempotencyKey));
        return prefix + "_" + Encode(digest.AsSpan(0, 17));
    }

    private static string Encode(ReadOnlySpan<byte> bytes)
    {
        var text = new StringBuilder(26);
        int buffer = 0, bits = 0;
        foreach (var b in bytes)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5 && text.Length < 26)
            {
                text.Append(Alphabet[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        return text.ToString();
    }
}
