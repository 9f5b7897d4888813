using Wallet.Hosting;
using Wallet.Identity;
using Wallet.Refusals;

namespace Wallet.Customers;

/// <summary>Keyed by phone number; being one activation, it cannot hand a phone to two customers.</summary>
public sealed class PhoneDirectoryGrain(
    [PersistentState("phone", StorageNames.Wallet)] IPersistentState<PhoneDirectoryState> entry)
    : Grain, IPhoneDirectoryGrain
{
    public async Task<Replayable<CustomerRegistered>> Register(Registration registration)
    {
        if (entry.State.CustomerId is { } existing)
        {
            if (entry.State.Request == registration.Request)
            {
                return Replayable<CustomerRegistered>.Again(new CustomerRegistered(existing, CustomerTiers.Lowest));
            }
            throw entry.State.Request?.Key == registration.Request.Key
                ? new WalletRefusedException(RefusalCodes.IdempotencyKeyReused, "This idempotency key was used with a different request.")
                : new WalletRefusedException(RefusalCodes.PhoneTaken, "This phone number already has a wallet account.");
        }

        var customerId = Ids.New(IdPrefixes.Customer);
        await GrainFactory.GetGrain<ICustomerGrain>(customerId)
            .Enrol(new CustomerEnrolment(this.GetPrimaryKeyString(), registration.Password, registration.Role));
        entry.State.CustomerId = customerId;
        entry.State.Request = registration.Request;
        await entry.WriteStateAsync();
        return Replayable<CustomerRegistered>.Made(new CustomerRegistered(customerId, CustomerTiers.Lowest));
    }

    public Task<string?> FindCustomer() => Task.FromResult(entry.State.CustomerId);

    public async Task Release(string customerId)
    {
        if (entry.State.CustomerId == customerId)
        {
            await entry.ClearStateAsync();
        }
    }
}

[GenerateSerializer, Alias("Wallet.PhoneDirectoryState")]
public sealed class PhoneDirectoryState
{
    [Id(0)]
    public string? CustomerId { get; set; }

    [Id(1)]
    public IdempotentRequest? Request { get; set; }
}
