namespace Wallet.Promotions;

/// <summary>
/// What a campaign gives: <c>discount</c> (a percentage off the price, up to a cap; the merchant receives less),
/// <c>cashback</c> (a fixed amount back into the payer's wallet, out of what the merchant receives) or
/// <c>points</c> (loyalty points for every yuan spent; no money moves for them).
/// </summary>
public enum CampaignKind
{
    /// <summary>A percentage off the price, up to a cap: the payer pays less and the merchant receives less.</summary>
    Discount = 0,

    /// <summary>A fixed amount back into the payer's wallet with the payment, out of what the merchant receives.</summary>
    Cashback = 1,

    /// <summary>Loyalty points into the payer's wallet for every yuan spent; no money moves for them.</summary>
    Points = 2,
}

/// <summary>
/// A merchant's campaign as launched: what it gives, to which payments, how often per customer, and
/// the budget it may spend in all (fen for discounts and cashback, points for points).
/// </summary>
[GenerateSerializer, Immutable, Alias("Wallet.CampaignTerms")]
public sealed record CampaignTerms(
    [property: Id(0)] string Name,
    [property: Id(1)] CampaignKind Kind,
    [property: Id(2)] long Budget,
    [property: Id(3)] DateTimeOffset StartsAt,
    [property: Id(4)] DateTimeOffset EndsAt,
    [property: Id(5)] long MinSpend = 0,
    [property: Id(6)] int? PerCustomerLimit = null,
    [property: Id(7)] int? PercentOff = null,
    [property: Id(8)] long? MaxDiscount = null,
    [property: Id(9)] long? Cashback = null,
    [property: Id(10)] int? PointsPerYuan = null,
    [property: Id(11)] bool CouponOnly = false)
{
    /// <summary>What the campaign gives on a payment of <paramref name="amount"/> (before the budget's say), or 0 when nothing.</summary>
    public long BenefitOn(long amount)
    {
        if (amount < MinSpend)
        {
            return 0;
        }
        return Kind switch
        {
            // Something is always left to pay, and for the merchant to receive.
            CampaignKind.Discount => Math.Min(Math.Min(amount * PercentOff!.Value / 100, MaxDiscount ?? long.MaxValue), amount - 1),
            CampaignKind.Cashback => Cashback!.Value < amount ? Cashback.Value : 0,
            CampaignKind.Points => amount / 100 * PointsPerYuan!.Value,
        };
    }

    public bool IsOnAt(DateTimeOffset at) => StartsAt <= at && at < EndsAt;
}

/// <summary>What a payment was given: the price before it, and the campaign's discount, cashback or points.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.AppliedPromotion")]
public sealed record AppliedPromotion(
    [property: Id(0)] string CampaignId,
    [property: Id(1)] string CampaignName,
    [property: Id(2)] CampaignKind Kind,
    [property: Id(3)] long Price,
    [property: Id(4)] long Benefit,
    [property: Id(5)] string? CouponId)
{
    public long Discount => Kind == CampaignKind.Discount ? Benefit : 0;

    public long Cashback => Kind == CampaignKind.Cashback ? Benefit : 0;

    public long Points => Kind == CampaignKind.Points ? Benefit : 0;
}

/// <summary>
/// A campaign's offer to one payment, decided before its transaction: the benefit it would give, the
/// budget portion to take it from, and what must be checked inside the transaction (the portion's
/// budget, the customer's uses, the coupon).
/// </summary>
[GenerateSerializer, Immutable, Alias("Wallet.PromotionOffer")]
public sealed record PromotionOffer(
    [property: Id(0)] string CampaignId,
    [property: Id(1)] string CampaignName,
    [property: Id(2)] CampaignKind Kind,
    [property: Id(3)] long Benefit,
    [property: Id(4)] int Portion,
    [property: Id(5)] long PortionBudget,
    [property: Id(6)] int? PerCustomerLimit,
    [property: Id(7)] string? CouponId);

/// <summary>A campaign as the merchant sees it: its terms, what it has given so far, and whether it still runs.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.CampaignView")]
public sealed record CampaignView(
    [property: Id(0)] string CampaignId,
    [property: Id(1)] string MerchantId,
    [property: Id(2)] CampaignTerms Terms,
    [property: Id(3)] long Spent,
    [property: Id(4)] bool Ended,
    [property: Id(5)] DateTimeOffset LaunchedAt,
    [property: Id(6)] string Currency);
