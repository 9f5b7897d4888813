using Wallet.Customers;
using Wallet.Hosting;

namespace Wallet.RealName;

public sealed class IdentityDirectoryGrain(
    [PersistentState("identity", StorageNames.Wallet)] IPersistentState<IdentityDirectoryState> entry)
    : Grain, IIdentityDirectoryGrain
{
    public async Task<string> Claim(string customerId)
    {
        if (entry.State.CustomerId is { } holder)
        {
            return holder;
        }
        entry.State.CustomerId = customerId;
        await entry.WriteStateAsync();
        return customerId;
    }

    public async Task Release(string customerId)
    {
        if (entry.State.CustomerId == customerId)
        {
            await entry.ClearStateAsync();
        }
    }
}

[GenerateSerializer, Alias("Wallet.IdentityDirectoryState")]
public sealed class IdentityDirectoryState
{
    [Id(0)] public string? CustomerId { get; set; }
}
