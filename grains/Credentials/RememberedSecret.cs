using System.Security.Cryptography;
using System.Text;

namespace Wallet.Credentials;

/// <summary>
/// Remembers, for the life of one activation, that a secret matched its slow stored hash: as an
/// HMAC under a random key that never leaves memory. The slow hash protects the secret at rest;
/// paying with a PIN must not cost a slow hash each time (measured: it held one customer's payments,
/// and the whole 2-core silo, to ~16 per second). A different stored hash (the PIN changed) is
/// verified slowly again; a wrong guess is still wrong, and still counts against the caller.
/// </summary>
public sealed class RememberedSecret(SecretHasher hasher)
{
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);
    private string? _storedHash;
    private byte[]? _mac;

    public async Task<bool> VerifyAsync(string secret, string storedHash)
    {
        var mac = HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(secret));
        if (_mac is not null && _storedHash == storedHash)
        {
            return CryptographicOperations.FixedTimeEquals(mac, _mac);
        }
        if (!await hasher.VerifyAsync(secret, storedHash))
        {
            return false;
        }
        (_storedHash, _mac) = (storedHash, mac);
        return true;
    }
}
