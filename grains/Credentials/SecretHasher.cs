using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Wallet.Credentials;

/// <summary>
/// Slow salted hashes for login passwords, payment PINs, identity numbers and SMS codes. The iteration
/// count travels inside the stored hash, so raising it later still verifies the old ones. The work runs
/// on <see cref="SlowHashing"/>'s threads: await it, never block on it in a grain.
/// </summary>
public sealed class SecretHasher(IOptions<CredentialOptions> options, SlowHashing slow)
{
    private const string Scheme = "pbkdf2-sha512";

    public Task<string> HashAsync(string secret)
    {
        var iterations = options.Value.HashIterations;
        return slow.Run(() =>
        {
            var salt = RandomNumberGenerator.GetBytes(16);
            var hash = Derive(secret, salt, iterations);
            return string.Join('$', Scheme, iterations.ToString(CultureInfo.InvariantCulture), Convert.ToBase64String(salt), Convert.ToBase64String(hash));
        });
    }

    public Task<bool> VerifyAsync(string secret, string stored) => slow.Run(() => Matches(secret, stored));

    private static bool Matches(string secret, string stored)
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
