namespace Wallet.Merchants;

/// <summary>
/// The operators' list of merchants (one grain, key 0), in the order they were onboarded. Each merchant
/// notes itself when onboarded, and again on an onboarding's replay, so a crash between the merchant's
/// write and its note heals on the retry; noting the same merchant twice changes nothing.
/// </summary>
[Alias("Wallet.IMerchantDirectoryGrain")]
public interface IMerchantDirectoryGrain : IGrainWithIntegerKey
{
    [Alias("Note")]
    Task Note(MerchantListing listing);

    /// <summary>
    /// Newest first: at most <paramref name="limit"/> merchants onboarded before position <paramref name="before"/> (all when null)
    /// whose name (or Latin name) contains <paramref name="name"/>, ignoring case.
    /// </summary>
    [Alias("List"), AlwaysInterleave]
    Task<MerchantListingPage> List(string? name, long? before, int limit);
}

/// <summary>A merchant as the operators' list shows it.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.MerchantListing")]
public sealed record MerchantListing(
    [property: Id(0)] string MerchantId,
    [property: Id(1)] string Name,
    [property: Id(2)] string? NameLatin,
    [property: Id(3)] string Category,
    [property: Id(4)] string City,
    [property: Id(5)] DateTimeOffset OnboardedAt);

/// <summary>A page of the list and the position the next page starts before, if there is one.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.MerchantListingPage")]
public sealed record MerchantListingPage([property: Id(0)] IReadOnlyList<MerchantListing> Items, [property: Id(1)] long? NextBefore);
