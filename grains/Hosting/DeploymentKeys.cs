using Microsoft.Extensions.Configuration;
using Wallet.Credentials;
using Wallet.RealName;

namespace Wallet.Hosting;

/// <summary>
/// The keys every silo of a deployment must share: the vault's (card numbers and merchants' secrets
/// sealed at rest) and the identity directory's. A key made up at start differs between processes
/// and restarts — a card sealed by one silo does not open on another, and an identity number gets a
/// new name in the directory, so it verifies one account per key. Only the API's embedded mode, one
/// process whose state dies with it, may make them up.
/// </summary>
public static class DeploymentKeys
{
    /// <summary>What is missing of the silo's keys, each named as it is set.</summary>
    public static IReadOnlyList<string> MissingForSilo(IConfiguration configuration)
    {
        var missing = new List<string>();
        var vault = configuration.GetSection(SecretVaultOptions.Section);
        if (!vault.GetSection("Keys").GetChildren().Any(key => !string.IsNullOrEmpty(key.Value)))
        {
            missing.Add($"{SecretVaultOptions.Section}:Keys:<id> (base64 of 32 bytes)");
        }
        if (string.IsNullOrEmpty(vault["ActiveKey"]))
        {
            missing.Add($"{SecretVaultOptions.Section}:ActiveKey (the id of the key that seals new values)");
        }
        if (string.IsNullOrEmpty(configuration[$"{IdentityKeyOptions.Section}:DirectoryKey"]))
        {
            missing.Add($"{IdentityKeyOptions.Section}:DirectoryKey (base64 of at least 32 bytes)");
        }
        return missing;
    }

    /// <summary>Refuses to start, naming every missing key at once, when <paramref name="missing"/> is not empty.</summary>
    public static void Require(string who, IReadOnlyList<string> missing)
    {
        if (missing.Count > 0)
        {
            throw new InvalidOperationException(
                $"{who} refuses to start without the keys every process of the deployment must share (keys made up at start differ " +
                $"between processes and restarts: sealed card numbers stop opening, and an identity number could verify several accounts). " +
                $"Missing: {string.Join("; ", missing)}. Only the API's embedded mode makes keys up.");
        }
    }
}
