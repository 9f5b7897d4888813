using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Wallet.Cards;

/// <summary>
/// Card numbers at rest: AES-256-GCM under a key named by id, bound to the card's id (a sealed number
/// copied to another record does not open). Sealed form <c>v1.{keyId}.{base64 nonce|cipher|tag}</c>.
/// New numbers use the active key; numbers under an older key are resealed when their card next
/// activates, so a key can be retired once nothing uses it.
/// </summary>
public sealed class CardVault
{
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly Dictionary<string, byte[]> _keys;
    private readonly string _activeKey;

    public CardVault(IOptions<CardVaultOptions> options)
    {
        var configured = options.Value;
        _keys = configured.Keys.ToDictionary(k => k.Key, k => Decode(k.Key, k.Value));
        if (_keys.Count == 0)
        {
            // Embedded and test runs without keys: one made up now, numbers sealed with it die with the process.
            _keys["ephemeral"] = RandomNumberGenerator.GetBytes(32);
            Ephemeral = true;
        }
        _activeKey = configured.ActiveKey ?? _keys.Keys.Single();
        if (!_keys.ContainsKey(_activeKey))
        {
            throw new InvalidOperationException($"{CardVaultOptions.Section}:ActiveKey names no key in {CardVaultOptions.Section}:Keys.");
        }
    }

    public bool Ephemeral { get; }

    public string Seal(string cardNumber, string cardId)
    {
        var plain = Encoding.UTF8.GetBytes(cardNumber);
        var sealedBytes = new byte[NonceSize + plain.Length + TagSize];
        var nonce = sealedBytes.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_keys[_activeKey], TagSize);
        aes.Encrypt(nonce, plain, sealedBytes.AsSpan(NonceSize, plain.Length), sealedBytes.AsSpan(NonceSize + plain.Length), Encoding.UTF8.GetBytes(cardId));
        return $"v1.{_activeKey}.{Convert.ToBase64String(sealedBytes)}";
    }

    public string Open(string sealedNumber, string cardId)
    {
        var (keyId, sealedBytes) = Parse(sealedNumber);
        var key = _keys.GetValueOrDefault(keyId) ?? throw new CryptographicException($"The card key '{keyId}' is not configured.");
        var plain = new byte[sealedBytes.Length - NonceSize - TagSize];
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(sealedBytes.AsSpan(0, NonceSize), sealedBytes.AsSpan(NonceSize, plain.Length), sealedBytes.AsSpan(NonceSize + plain.Length), plain, Encoding.UTF8.GetBytes(cardId));
        return Encoding.UTF8.GetString(plain);
    }

    /// <summary>True when the number is sealed under a key other than the active one and should be resealed.</summary>
    public bool IsStale(string sealedNumber) => Parse(sealedNumber).KeyId != _activeKey;

    public string Reseal(string sealedNumber, string cardId) => Seal(Open(sealedNumber, cardId), cardId);

    private static (string KeyId, byte[] Bytes) Parse(string sealedNumber)
    {
        var parts = sealedNumber.Split('.');
        return parts is ["v1", var keyId, var body] ? (keyId, Convert.FromBase64String(body)) : throw new CryptographicException("Not a sealed card number.");
    }

    private static byte[] Decode(string keyId, string base64)
    {
        var key = Convert.FromBase64String(base64);
        return key.Length == 32 ? key : throw new InvalidOperationException($"Card key '{keyId}' must be base64 of exactly 32 bytes (AES-256).");
    }
}

/// <summary>
/// The card-number keys (<c>Wallet:Cards</c>): <c>Keys:{id}</c> = base64 of 32 bytes, and which one seals
/// new numbers. Secrets: configuration only. Production refuses to start without them.
/// </summary>
public sealed class CardVaultOptions
{
    public const string Section = "Wallet:Cards";

    public Dictionary<string, string> Keys { get; set; } = [];

    public string? ActiveKey { get; set; }
}
