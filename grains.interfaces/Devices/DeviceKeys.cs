using System.Security.Cryptography;

namespace Wallet.Devices;

/// <summary>
/// A device's public key as the API takes it: SubjectPublicKeyInfo, base64, on the P-256 curve
/// (what Android Keystore and the iOS Secure Enclave make). Signatures are DER-encoded ECDSA with
/// SHA-256 over the UTF-8 bytes of a challenge's nonce and the payment it approves (<see cref="SignedPayment.Message"/>).
/// </summary>
public static class DeviceKeys
{
    private const string P256 = "1.2.840.10045.3.1.7";

    public static bool IsValid(string? spkiBase64)
    {
        using var key = Import(spkiBase64);
        return key is not null;
    }

    public static bool Verifies(string spkiBase64, string message, string signatureBase64)
    {
        using var key = Import(spkiBase64);
        var signature = new byte[signatureBase64.Length];
        return key is not null
            && Convert.TryFromBase64String(signatureBase64, signature, out var length)
            && key.VerifyData(System.Text.Encoding.UTF8.GetBytes(message), signature.AsSpan(0, length), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
    }

    private static ECDsa? Import(string? spkiBase64)
    {
        if (spkiBase64 is not { Length: > 0 and <= 512 })
        {
            return null;
        }
        var bytes = new byte[spkiBase64.Length];
        if (!Convert.TryFromBase64String(spkiBase64, bytes, out var length))
        {
            return null;
        }
        var key = ECDsa.Create();
        try
        {
            key.ImportSubjectPublicKeyInfo(bytes.AsSpan(0, length), out var read);
            if (read == length && key.ExportParameters(false).Curve.Oid.Value == P256)
            {
                return key;
            }
        }
        catch (CryptographicException)
        {
        }
        key.Dispose();
        return null;
    }
}

/// <summary>A registered device key, as its owner sees it.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.DeviceView")]
public sealed record DeviceView([property: Id(0)] string DeviceId, [property: Id(1)] DateTimeOffset RegisteredAt);

/// <summary>A fresh, single-use nonce for a device to sign, valid for two minutes.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.DeviceChallenge")]
public sealed record DeviceChallenge([property: Id(0)] string ChallengeId, [property: Id(1)] string Nonce, [property: Id(2)] DateTimeOffset ExpiresAt);
