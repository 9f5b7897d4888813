using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Wallet.Credentials;

namespace Wallet.Tests.Credentials;

/// <summary>Card numbers sealed at rest with AES-GCM: bound to their card, readable only with their key, resealed under a new key.</summary>
public sealed class SecretVaultTests
{
    private const string Number = "6222021234567890123";
    private static readonly string s_old = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private static readonly string s_new = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    [Fact]
    public void A_sealed_number_opens_only_for_its_own_card_and_shows_nothing_of_the_number()
    {
        var vault = Vault(("k1", s_old));

        var sealedNumber = vault.Seal(Number, "card_a");

        Assert.StartsWith("v1.k1.", sealedNumber, StringComparison.Ordinal);
        Assert.DoesNotContain(Number[^8..], sealedNumber, StringComparison.Ordinal);
        Assert.NotEqual(sealedNumber, vault.Seal(Number, "card_a")); // a fresh nonce each time
        Assert.Equal(Number, vault.Open(sealedNumber, "card_a"));
        Assert.ThrowsAny<CryptographicException>(() => vault.Open(sealedNumber, "card_b"));
        Assert.ThrowsAny<CryptographicException>(() => Vault(("k1", s_new)).Open(sealedNumber, "card_a"));
    }

    [Fact]
    public void After_rotation_old_numbers_still_open_are_stale_and_reseal_under_the_active_key()
    {
        var sealedBefore = Vault(("k1", s_old)).Seal(Number, "card_a");
        var rotated = Vault(("k1", s_old), ("k2", s_new), active: "k2");

        Assert.True(rotated.IsStale(sealedBefore));
        var resealed = rotated.Reseal(sealedBefore, "card_a");

        Assert.StartsWith("v1.k2.", resealed, StringComparison.Ordinal);
        Assert.False(rotated.IsStale(resealed));
        Assert.Equal(Number, Vault(("k2", s_new)).Open(resealed, "card_a")); // k1 can now be retired
        Assert.ThrowsAny<CryptographicException>(() => Vault(("k2", s_new)).Open(sealedBefore, "card_a"));
    }

    [Fact]
    public void A_key_that_is_not_32_bytes_or_an_active_key_that_does_not_exist_is_refused_at_start()
    {
        Assert.Throws<InvalidOperationException>(() => Vault(("k1", Convert.ToBase64String(new byte[16]))));
        Assert.Throws<InvalidOperationException>(() => Vault(("k1", s_old), active: "k9"));
    }

    private static SecretVault Vault(params (string Id, string Key)[] keys) => Vault(keys, null);

    private static SecretVault Vault((string Id, string Key) key1, (string Id, string Key) key2, string active) => Vault([key1, key2], active);

    private static SecretVault Vault((string Id, string Key) key, string active) => Vault([key], active);

    private static SecretVault Vault((string Id, string Key)[] keys, string? active)
        => new(Options.Create(new SecretVaultOptions { Keys = keys.ToDictionary(k => k.Id, k => k.Key), ActiveKey = active }));
}
