using Wallet.Merchants;

namespace Wallet.ClientApi.Ledger;

/// <summary>A merchant in the operators' list (<c>GET /v1/ops/merchants</c>); <c>GET /v1/ops/merchants/{id}</c> adds its wallet and balance.</summary>
/// <param name="MerchantId">The merchant's id (<c>mch_…</c>).</param>
/// <param name="Name">The name as registered (it may be in any script).</param>
/// <param name="NameLatin">The name in printable ASCII, when the registered one is not.</param>
/// <param name="Category">The merchant category code (MCC), 4 digits.</param>
/// <param name="City">The city as registered.</param>
/// <param name="OnboardedAt">When an operator onboarded it.</param>
public sealed record MerchantListingResponse(string MerchantId, string Name, string? NameLatin, string Category, string City, DateTimeOffset OnboardedAt)
{
    public static MerchantListingResponse From(MerchantListing m) => new(m.MerchantId, m.Name, m.NameLatin, m.Category, m.City, m.OnboardedAt);
}
