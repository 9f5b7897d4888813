using System.Security.Cryptography;
using System.Text;

namespace Wallet.Merchants;

/// <summary>
/// How a merchant request is signed (../shared/API.md): lowercase hex HMAC-SHA256, keyed with the
/// merchant's secret, over <c>METHOD\nPATH\nTIMESTAMP\nNONCE\nBODYHASH</c>, where PATH carries its
/// query string and BODYHASH is the lowercase hex SHA-256 of the raw body. Webhooks are signed the same way.
/// </summary>
public static class MerchantSignatures
{
    /// <summary>How far a request's timestamp may be from the bank's clock, either way.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    public static string Canonical(string method, string pathAndQuery, string timestamp, string nonce, string bodySha256)
        => $"{method}\n{pathAndQuery}\n{timestamp}\n{nonce}\n{bodySha256}";

    public static string Sign(string secret, string canonical)
        => Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(canonical)));

    public static string BodyHash(ReadOnlySpan<byte> body) => Convert.ToHexStringLower(SHA256.HashData(body));
}

/// <summary>A merchant request's signed parts, as the API received them.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.SignedRequest")]
public sealed record SignedRequest(
    [property: Id(0)] string Method,
    [property: Id(1)] string PathAndQuery,
    [property: Id(2)] string Timestamp,
    [property: Id(3)] string Nonce,
    [property: Id(4)] string BodySha256,
    [property: Id(5)] string Signature);
