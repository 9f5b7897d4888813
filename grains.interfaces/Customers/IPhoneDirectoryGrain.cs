using Wallet.Identity;

namespace Wallet.Customers;

/// <summary>One per phone number: the single writer that makes a phone belong to at most one customer.</summary>
[Alias("Wallet.IPhoneDirectoryGrain")]
public interface IPhoneDirectoryGrain : IGrainWithStringKey
{
    [Alias("Register")]
    Task<Replayable<CustomerRegistered>> Register(Registration registration);

    /// <summary>The customer who owns this phone, or null.</summary>
    [Alias("FindCustomer")]
    Task<string?> FindCustomer();

    /// <summary>The customer closed their account: the number is free for a new registration.</summary>
    [Alias("Release")]
    Task Release(string customerId);
}
