using Wallet.Hosting;

namespace Wallet.Utilities;

/// <summary>A biller's profile, written by operators and read by every payment to it.</summary>
public sealed class BillerGrain([PersistentState("biller", StorageNames.Wallet)] IPersistentState<BillerState> biller) : Grain, IBillerGrain
{
    public async Task<BillerProfile> Publish(BillerProfile profile)
    {
        if (profile.BillerId != this.GetPrimaryKeyString())
        {
            throw new ArgumentException("A biller's profile names the biller it is for.", nameof(profile));
        }
        if (biller.State.Profile != profile)
        {
            biller.State.Profile = profile;
            await biller.WriteStateAsync();
        }
        await GrainFactory.GetGrain<IBillerDirectoryGrain>(0).Note(profile); // again on a replay: a crash between the two heals
        return profile;
    }

    public Task<BillerProfile?> GetProfile() => Task.FromResult(biller.State.Profile);
}

[GenerateSerializer, Alias("Wallet.BillerState")]
public sealed class BillerState
{
    [Id(0)] public BillerProfile? Profile { get; set; }
}
