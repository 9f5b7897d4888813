using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Wallet.Credentials;

/// <summary>
/// Slow salted hashes for login passwords and payment PINs. The iteration count travels inside
/// the stored hash, so raising it later still verifies the old ones.
/// </summary>
public sealed class SecretHasher(IOptions<CredentialOptions> options)
{
    private const string Scheme = "pbkdf2-sha512";

    public string Hash(string secret)
    {
        var iterations = options.Value.HashIterations;
        var salt = RandomNumberGenerator.GetBytes(16);
        var hash = Derive(secret, salt, iterations);
        return string.Join('$', Scheme, iterations.ToString(CultureInfo.InvariantCulture), Convert.ToBase64String(salt), Convert.ToBase64String(hash));
    }

    public static bool Verify(string secret, string stored)
    {
        var parts = stored.Split('$');
        if (parts.Length != 4 || parts[0] != Scheme || !int.TryParse(parts[1], CultureInfo.InvariantCulture, out var iterations))
        {
            return false;
        }
        var expected = Convert.FromBase64String(parts[3]);
        var actual = Derive(secret, Convert.FromBase64String(parts[2]), iterations);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    private static byte[] Derive(string secret, byte[] salt, int iterations)
        => Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(secret), salt, iterations, HashAlgorithmName.SHA512, 32);
}
