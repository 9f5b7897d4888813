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
        var found = new List<int>(limit + 1); // one more than the page, to know whether another page follows
        for (var position = (int)Math.Min(before ?? merchants.Count, merchants.Count) - 1; position >= 0 && found.Count <= limit; position--)
        {
            var merchant = merchants[position];
            if (name is null || merchant.Name.Contains(name, StringComparison.OrdinalIgnoreCase)
                || merchant.NameLatin?.Contains(name, StringComparison.OrdinalIgnoreCase) == true)
            {
                found.Add(position);
            }
        }
        var page = found.Take(limit).ToList();
        return Task.FromResult(new MerchantListingPage([.. page.Select(p => merchants[p])], found.Count > limit ? page[^1] : null));
    }
}

[GenerateSerializer, Alias("Wallet.MerchantDirectoryState")]
public sealed class MerchantDirectoryState
{
    /// <summary>In onboarding order: the newest last.</summary>
    [Id(0)] public List<MerchantListing> Merchants { get; set; } = [];
}
