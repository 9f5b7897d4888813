using Wallet.Identity;

namespace Wallet.Promotions;

/// <summary>
/// A merchant's campaigns: their terms (ordinary grain state) and, as a hint, which budget portions
/// are spent. Keyed by merchant id. The budget itself lives in portions of transactional state
/// (<see cref="ICampaignBudgetGrain"/>) that payments draw on inside their own transactions, so a
/// budget is never overspent however many pay at once.
/// </summary>
[Alias("Wallet.IMerchantPromotionsGrain")]
public interface IMerchantPromotionsGrain : IGrainWithStringKey
{
    /// <summary>Launches a campaign; the same request again answers the same campaign.</summary>
    [Alias("Launch")]
    Task<Replayable<CampaignView>> Launch(CampaignTerms terms, IdempotentRequest request);

    /// <summary>Every campaign, newest first, with what each has spent.</summary>
    [Alias("List")]
    Task<IReadOnlyList<CampaignView>> List();

    /// <summary>Ends a campaign now: no payment is offered it from then on.</summary>
    [Alias("End")]
    Task<CampaignView> End(string campaignId);

    /// <summary>
    /// The best offer for a payment of <paramref name="amount"/>: with a coupon, its campaign's; otherwise
    /// the running campaign (not coupon-only) giving the most money, or points when none gives money.
    /// Null when nothing applies or the budget is known to be spent.
    /// </summary>
    [Alias("Offer"), AlwaysInterleave]
    Task<PromotionOffer?> Offer(long amount, DateTimeOffset at, string paymentId, CouponView? coupon);

    /// <summary>
    /// After a payment with an offer: what of <paramref name="offered"/> it was <paramref name="given"/>
    /// (the rest may be offered again), and whether it found the portion spent. A two-way call: a payment
    /// that gives something back answers its caller only once the campaign has it (see PaymentOffers.Close).
    /// </summary>
    [Alias("CloseOffer"), AlwaysInterleave]
    Task CloseOffer(string campaignId, int portion, long offered, long given, bool portionSpent);

    /// <summary>Issues a coupon of a coupon-only campaign to a customer.</summary>
    [Alias("IssueCoupon")]
    Task<CouponView> IssueCoupon(string campaignId, string customerId);
}

/// <summary>One portion of a campaign's budget, keyed "{campaignId}/{portion}": what has been spent from it.</summary>
[Alias("Wallet.ICampaignBudgetGrain")]
public interface ICampaignBudgetGrain : IGrainWithStringKey
{
    /// <summary>
    /// Inside a payment's transaction: takes <paramref name="wanted"/> from the portion, whose whole is
    /// <paramref name="portionBudget"/>; all of it, or (when <paramref name="partial"/>) what is left, or nothing.
    /// </summary>
    [Alias("Take"), Transaction(TransactionOption.Join)]
    Task<long> Take(long wanted, long portionBudget, bool partial);

    [Alias("Spent"), Transaction(TransactionOption.CreateOrJoin)]
    Task<long> Spent();
}

/// <summary>How often one customer has used one campaign, keyed "{campaignId}/{customerId}".</summary>
[Alias("Wallet.ICampaignCustomerGrain")]
public interface ICampaignCustomerGrain : IGrainWithStringKey
{
    /// <summary>Inside a payment's transaction: counts a use, unless the customer has had <paramref name="limit"/> already.</summary>
    [Alias("TryUse"), Transaction(TransactionOption.Join)]
    Task<bool> TryUse(int limit);

    /// <summary>Inside the same transaction: takes back a use counted when the budget then gave nothing.</summary>
    [Alias("Unuse"), Transaction(TransactionOption.Join)]
    Task Unuse();
}
