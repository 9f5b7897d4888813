namespace Wallet.Customers;

/// <summary>
/// One per verified identity number, keyed by its keyed hash: the single writer that lets a person
/// hold one customer account. The number itself is never the key.
/// </summary>
[Alias("Wallet.IIdentityDirectoryGrain")]
public interface IIdentityDirectoryGrain : IGrainWithStringKey
{
    /// <summary>Records <paramref name="customerId"/> as the number's holder unless another customer is; returns the holder.</summary>
    [Alias("Claim")]
    Task<string> Claim(string customerId);

    /// <summary>The holder closed their account: the number may verify another.</summary>
    [Alias("Release")]
    Task Release(string customerId);
}
