using Wallet.Hosting;

namespace Wallet.Merchants;

/// <summary>
/// The operators' list of merchants. Merchants are onboarded by operators, a few a day, so one grain
/// holding them all in onboarding order is enough; a position in that order is the list's cursor.
/// </summary>
public sealed class MerchantDirectoryGrain(
    [PersistentState("merchant-directory", StorageNames.Wallet)] IPersistentState<MerchantDirectoryState> directory)
    : Grain, IMerchantDirectoryGrain
{
    public async Task Note(MerchantListing listing)
    {
        var merchants = directory.State.Merchants;
        if (merchants.Exists(m => m.MerchantId == listing.MerchantId))
        {
            return;
        }
        merchants.Add(listing);
        await directory.WriteStateAsync();
    }

    public Task<MerchantListingPage> List(string? name, long? before, int limit)
    {
        var merchants = directory.State.Merchants;
        var items = new List<MerchantListing>(limit);
        var position = (int)Math.Min(before ?? merchants.Count, merchants.Count) - 1;
        for (; position >= 0 && items.Count < limit; position--)
        {
            var merchant = merchants[position];
            if (name is null || merchant.Name.Contains(name, StringComparison.OrdinalIgnoreCase)
                || merchant.NameLatin?.Contains(name, StringComparison.OrdinalIgnoreCase) == true)
            {
                items.Add(merchant);
            }
        }
        return Task.FromResult(new MerchantListingPage(items, position >= 0 && items.Count == limit ? position + 1 : null));
    }
}

[GenerateSerializer, Alias("Wallet.MerchantDirectoryState")]
public sealed class MerchantDirectoryState
{
    /// <summary>In onboarding order: the newest last.</summary>
    [Id(0)] public List<MerchantListing> Merchants { get; set; } = [];
}
