using Wallet.Refusals;

namespace Wallet.Promotions;

/// <summary>A coupon issued to one customer for one coupon-only campaign: used once, inside a payment's transaction.</summary>
[Alias("Wallet.ICouponGrain")]
public interface ICouponGrain : IGrainWithStringKey
{
    [Alias("Issue"), Transaction(TransactionOption.CreateOrJoin)]
    Task Issue(CouponView coupon);

    /// <summary>The coupon, if <paramref name="customerId"/> holds it.</summary>
    [Alias("Read"), Transaction(TransactionOption.CreateOrJoin)]
    Task<CouponView?> Read(string customerId);

    /// <summary>The coupon, if <paramref name="merchantId"/> issued it.</summary>
    [Alias("ReadIssued"), Transaction(TransactionOption.CreateOrJoin)]
    Task<CouponView?> ReadIssued(string merchantId);

    /// <summary>Inside a payment's transaction: refuses a coupon not the payer's, used or expired; marks it used.</summary>
    [Alias("Redeem"), Transaction(TransactionOption.Join)]
    Task<Refusal?> Redeem(string customerId, string paymentId, DateTimeOffset at);
}

/// <summary>A coupon issued to a customer for a merchant's coupon-only campaign.</summary>
/// <param name="CouponId">The coupon's id (<c>cpn_…</c>), sent as <c>couponId</c> with a payment.</param>
/// <param name="CustomerId">The customer it was issued to (<c>cus_…</c>).</param>
/// <param name="MerchantId">The merchant it is good at (<c>mch_…</c>).</param>
/// <param name="CampaignId">The campaign it belongs to (<c>cmp_…</c>).</param>
/// <param name="CampaignName">The campaign's name.</param>
/// <param name="ExpiresAt">When it can no longer be used, UTC, ISO 8601.</param>
/// <param name="UsedBy">The payment that used it, or null while unused.</param>
[GenerateSerializer, Immutable, Alias("Wallet.CouponView")]
public sealed record CouponView(
    [property: Id(0)] string CouponId,
    [property: Id(1)] string CustomerId,
    [property: Id(2)] string MerchantId,
    [property: Id(3)] string CampaignId,
    [property: Id(4)] string CampaignName,
    [property: Id(5)] DateTimeOffset ExpiresAt,
    [property: Id(6)] string? UsedBy = null);
