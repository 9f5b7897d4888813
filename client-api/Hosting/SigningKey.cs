using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace Wallet.ClientApi.Hosting;

/// <summary>The token signing key: from configuration, or, in the embedded mode only, made up at start.</summary>
public sealed class SigningKey(SymmetricSecurityKey key, bool generated)
{
    public SymmetricSecurityKey Key { get; } = key;

    public bool Generated { get; } = generated;

    public static SigningKey From(AuthOptions options)
    {
        if (options.SigningKey is { Length: > 0 } configured)
        {
            var bytes = Convert.FromBase64String(configured);
            return bytes.Length >= 32
                ? new SigningKey(new SymmetricSecurityKey(bytes), generated: false)
                : throw new InvalidOperationException($"{AuthOptions.Section}:SigningKey must be base64 of at least 32 bytes.");
        }
        return new SigningKey(new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32)), generated: true);
    }
}
