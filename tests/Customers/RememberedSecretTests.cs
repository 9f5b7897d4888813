using Microsoft.Extensions.Options;
using Wallet.Credentials;

namespace Wallet.Tests.Customers;

/// <summary>The fast check after one slow one must still tell right from wrong, and follow a changed PIN.</summary>
public sealed class RememberedSecretTests
{
    private static readonly SecretHasher Hasher = new(Options.Create(new CredentialOptions { HashIterations = 1000 }));

    [Fact]
    public void A_remembered_pin_still_refuses_wrong_guesses_and_follows_a_change()
    {
        var remembered = new RememberedSecret();
        var first = Hasher.Hash("135790");

        Assert.False(remembered.Verify("000000", first));
        Assert.True(remembered.Verify("135790", first));
        Assert.True(remembered.Verify("135790", first));
        Assert.False(remembered.Verify("135791", first));
        Assert.False(remembered.Verify("", first));

        var changed = Hasher.Hash("246802");
        Assert.False(remembered.Verify("135790", changed));
        Assert.True(remembered.Verify("246802", changed));
        Assert.False(remembered.Verify("135790", changed));
    }
}
