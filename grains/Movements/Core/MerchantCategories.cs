using System.Collections.Concurrent;
using Wallet.Bills;
using Wallet.Merchants;

namespace Wallet.Movements;

/// <summary>
/// Merchants' spending categories (their MCC mapped), remembered in the process for the events: a merchant's MCC is set
/// at onboarding and never changes, so a payment publishing its events needs not ask the merchant each time. Bounded:
/// when full it starts afresh.
/// </summary>
public static class MerchantCategories
{
    private const int MostRemembered = 100_000;
    private static readonly ConcurrentDictionary<string, SpendingCategory> s_categories = new(StringComparer.Ordinal);

    /// <summary>The merchant's category, as its payments' entries are posted (<see cref="SpendingCategories.ForMerchant"/>); other for a merchant not found.</summary>
    public static async Task<SpendingCategory> Of(IGrainFactory grains, string merchantId)
    {
        if (s_categories.TryGetValue(merchantId, out var known))
        {
            return known;
        }
        var facts = await grains.GetGrain<IMerchantGrain>(merchantId).GetFacts();
        var category = SpendingCategories.ForMerchant(facts?.Category);
        if (facts is not null)
        {
            if (s_categories.Count >= MostRemembered)
            {
                s_categories.Clear();
            }
            s_categories[merchantId] = category;
        }
        return category;
    }
}
