using Microsoft.Extensions.Options;
using Wallet.Credentials;

namespace Wallet.Tests.Customers;

/// <summary>The fast check after one slow one must still tell right from wrong, and follow a changed PIN.</summary>
public sealed class RememberedSecretTests
{
    private static readonly SecretHasher Hasher = new(Options.Create(new CredentialOptions { HashIterations = 1000 }), new SlowHashing(1));

    [Fact]
    public async Task A_remembered_pin_still_refuses_wrong_guesses_and_follows_a_change()
    {
        var remembered = new RememberedSecret(Hasher);
        var first = await Hasher.HashAsync("135790");

        Assert.False(await remembered.VerifyAsync("000000", first));
        Assert.True(await remembered.VerifyAsync("135790", first));
        Assert.True(await remembered.VerifyAsync("135790", first));
        Assert.False(await remembered.VerifyAsync("135791", first));
        Assert.False(await remembered.VerifyAsync("", first));

        var changed = await Hasher.HashAsync("246802");
        Assert.False(await remembered.VerifyAsync("135790", changed));
        Assert.True(await remembered.VerifyAsync("246802", changed));
        Assert.False(await remembered.VerifyAsync("135790", changed));
    }
}
