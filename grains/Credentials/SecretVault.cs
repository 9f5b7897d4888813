using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Wallet.Credentials;

/// <summary>
/// Secrets at rest — card numbers, merchants' API secrets: AES-256-GCM under a key named by id, bound
/// to the owning record's id (a sealed value copied to another record does not open). Sealed form
/// <c>v1.{keyId}.{base64 nonce|cipher|tag}</c>. New values use the active key; values under an older
/// key are resealed when their grain next activates, so a key can be retired once nothing uses it.
/// </summary>
public sealed class SecretVault
{
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly Dictionary<string, byte[]> _keys;
    private readonly string _activeKey;

    public SecretVault(IOptions<SecretVaultOptions> options)
    {
        var configured = options.Value;
        _keys = configured.Keys.ToDictionary(k => k.Key, k => Decode(k.Key, k.Value));
        if (_keys.Count == 0)
        {
            // Embedded runs without keys: one made up now, values sealed with it die with the process.
            _keys["ephemeral"] = RandomNumberGenerator.GetBytes(32);
        }
        _activeKey = configured.ActiveKey ?? _keys.Keys.Single();
        if (!_keys.ContainsKey(_activeKey))
        {
            throw new InvalidOperationException($"{SecretVaultOptions.Section}:ActiveKey names no key in {SecretVaultOptions.Section}:Keys.");
        }
    }

    public string Seal(string secret, string ownerId)
    {
        var plain = Encoding.UTF8.GetBytes(secret);
        var sealedBytes = new byte[NonceSize + plain.Length + TagSize];
        var nonce = sealedBytes.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_keys[_activeKey], TagSize);
        aes.Encrypt(nonce, plain, sealedBytes.AsSpan(NonceSize, plain.Length), sealedBytes.AsSpan(NonceSize + plain.Length), Encoding.UTF8.GetBytes(ownerId));
        return $"v1.{_activeKey}.{Convert.ToBase64String(sealedBytes)}";
    }

    public string Open(string sealedSecret, string ownerId)
    {
        var (keyId, sealedBytes) = Parse(sealedSecret);
        var key = _keys.GetValueOrDefault(keyId) ?? throw new CryptographicException($"The card key '{keyId}' is not configured.");
        var plain = new byte[sealedBytes.Length - NonceSize - TagSize];
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(sealedBytes.AsSpan(0, NonceSize), sealedBytes.AsSpan(NonceSize, plain.Length), sealedBytes.AsSpan(NonceSize + plain.Length), plain, Encoding.UTF8.GetBytes(ownerId));
        return Encoding.UTF8.GetString(plain);
    }

    /// <summary>True when the value is sealed under a key other than the active one and should be resealed.</summary>
    public bool IsStale(string sealedSecret) => Parse(sealedSecret).KeyId != _activeKey;

    public string Reseal(string sealedSecret, string ownerId) => Seal(Open(sealedSecret, ownerId), ownerId);

    private static (string KeyId, byte[] Bytes) Parse(string sealedSecret)
    {
        var parts = sealedSecret.Split('.');
        return parts is ["v1", var keyId, var body] ? (keyId, Convert.FromBase64String(body)) : throw new CryptographicException("Not a sealed value.");
    }

    private static byte[] Decode(string keyId, string base64)
    {
        var key = Convert.FromBase64String(base64);
        return key.Length == 32 ? key : throw new InvalidOperationException($"Card key '{keyId}' must be base64 of exactly 32 bytes (AES-256).");
    }
}

/// <summary>
/// The vault's keys (<c>Wallet:Vault</c>): <c>Keys:{id}</c> = base64 of 32 bytes, and which one seals
/// new values. Secrets: configuration only. Production refuses to start without them.
/// </summary>
public sealed class SecretVaultOptions
{
    public const string Section = "Wallet:Vault";

    public Dictionary<string, string> Keys { get; set; } = [];

    public string? ActiveKey { get; set; }
}
