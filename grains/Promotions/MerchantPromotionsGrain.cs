using Wallet.Customers;
using Wallet.Hosting;
using Wallet.Identity;
using Wallet.Refusals;

namespace Wallet.Promotions;

/// <summary>
/// A merchant's campaigns. Terms are ordinary grain state (they change only at launch and end); the
/// budget is split into portions of transactional state that payments take from. What the portions
/// have left is estimated here, to decide what to offer: a portion's own state decides what is given.
/// </summary>
public sealed class MerchantPromotionsGrain(
    [PersistentState("promotions", StorageNames.Wallet)] IPersistentState<PromotionsState> promotions,
    [FromKeyedServices(WalletClock.Key)] TimeProvider clock)
    : Grain, IMerchantPromotionsGrain
{
    /// <summary>How many portions a budget is split into: enough that payments at once rarely queue on one.</summary>
    public const int MostPortions = 8;

    /// <summary>
    /// Per campaign, what each budget portion is thought to have left less what is offered to payments
    /// still under way. Offers come only from it, so when a thousand pay at once only as many carry an
    /// offer as the budget can give, and the rest never touch a portion.
    /// </summary>
    private readonly Dictionary<string, Task<long[]>> _left = [];

    private string MerchantId => this.GetPrimaryKeyString();

    /// <summary>A cache of the merchant's currency, which its campaigns' amounts are in; the merchant holds it, and it never changes.</summary>
    private string? _currency;

    private async Task<string> Currency()
        => _currency ??= (await GrainFactory.GetGrain<Merchants.IMerchantGrain>(MerchantId).GetFacts())?.Currency ?? throw WalletRefusedException.NotFound("The merchant");

    public async Task<Replayable<CampaignView>> Launch(CampaignTerms terms, IdempotentRequest request)
    {
        var campaignId = Ids.ForIdempotencyKey(IdPrefixes.Campaign, MerchantId, request.Key);
        if (promotions.State.Campaigns.Find(c => c.CampaignId == campaignId) is { } launched)
        {
            return launched.Request == request
                ? Replayable<CampaignView>.Again(await View(launched))
                : throw new WalletRefusedException(RefusalCodes.IdempotencyKeyReused, "This idempotency key was used with a different request.");
        }
        var campaign = new Campaign { CampaignId = campaignId, Terms = terms, Portions = Portions(terms), LaunchedAt = clock.GetUtcNow(), Request = request };
        promotions.State.Campaigns.Add(campaign);
        await promotions.WriteStateAsync();
        return Replayable<CampaignView>.Made(await View(campaign));
    }

    public async Task<IReadOnlyList<CampaignView>> List()
        => await Task.WhenAll(Enumerable.Reverse(promotions.State.Campaigns).Select(View));

    public async Task<CampaignView> End(string campaignId)
    {
        var campaign = Find(campaignId);
        if (campaign.EndedAt is null)
        {
            campaign.EndedAt = clock.GetUtcNow();
            await promotions.WriteStateAsync();
        }
        return await View(campaign);
    }

    public async Task<PromotionOffer?> Offer(long amount, DateTimeOffset at, string paymentId, CouponView? coupon)
    {
        if (coupon is not null)
        {
            var campaign = promotions.State.Campaigns.Find(c => c.CampaignId == coupon.CampaignId)
                ?? throw new WalletRefusedException(RefusalCodes.InvalidCoupon, "This coupon is not for this merchant.");
            return await OfferOf(campaign, amount, at, paymentId, coupon.CouponId) ?? throw NotApplicable(campaign, amount, at, await Currency());
        }
        var running = promotions.State.Campaigns
            .Where(c => !c.Terms.CouponOnly && c.EndedAt is null && c.Terms.IsOnAt(at) && c.Terms.BenefitOn(amount) > 0)
            .OrderByDescending(c => c.Terms.Kind != CampaignKind.Points) // money first; points when no campaign gives money
            .ThenByDescending(c => c.Terms.BenefitOn(amount))
            .ToList();
        foreach (var campaign in running)
        {
            if (await OfferOf(campaign, amount, at, paymentId, null) is { } offer)
            {
                return offer;
            }
        }
        return null;
    }

    public Task CloseOffer(string campaignId, int portion, long offered, long given, bool portionSpent)
    {
        if (_left.TryGetValue(campaignId, out var loading) && loading.IsCompletedSuccessfully)
        {
            var left = loading.Result;
            left[portion] = portionSpent ? 0 : left[portion] + offered - given;
        }
        return Task.CompletedTask;
    }

    public async Task<CouponView> IssueCoupon(string campaignId, string customerId)
    {
        var campaign = Find(campaignId);
        if (!campaign.Terms.CouponOnly)
        {
            throw new WalletRefusedException(RefusalCodes.ValidationFailed, "This campaign applies without coupons; only a coupon-only campaign issues them.");
        }
        if (campaign.EndedAt is not null || campaign.Terms.EndsAt <= clock.GetUtcNow())
        {
            throw new WalletRefusedException(RefusalCodes.CampaignEnded, "This campaign has ended.");
        }
        var coupon = new CouponView(Ids.New(IdPrefixes.Coupon), customerId, MerchantId, campaignId, campaign.Terms.Name, campaign.Terms.EndsAt);
        await GrainFactory.GetGrain<ICouponGrain>(coupon.CouponId).Issue(coupon);
        await GrainFactory.GetGrain<IPayerGrain>(customerId).NoteCoupon(coupon.CouponId);
        return coupon;
    }

    /// <summary>
    /// The campaign's offer to this payment, from a portion thought to have enough left; null when none
    /// has. What is offered is set aside until the payment closes it, so payments at once are offered
    /// no more than the budget holds (a portion's own transactional state still decides).
    /// </summary>
    private async Task<PromotionOffer?> OfferOf(Campaign campaign, long amount, DateTimeOffset at, string paymentId, string? couponId)
    {
        var terms = campaign.Terms;
        var benefit = terms.BenefitOn(amount);
        if (campaign.EndedAt is not null || !terms.IsOnAt(at) || benefit <= 0)
        {
            return null;
        }
        var left = await Left(campaign);
        var partial = terms.Kind != CampaignKind.Cashback;
        var open = Enumerable.Range(0, campaign.Portions).Where(p => partial ? left[p] > 0 : left[p] >= benefit).ToList();
        if (open.Count == 0)
        {
            return null;
        }
        var portion = open[(int)(Ledger.StableHash.Of(paymentId) % (uint)open.Count)];
        var offered = Math.Min(benefit, left[portion]);
        left[portion] -= offered;
        return new PromotionOffer(campaign.CampaignId, terms.Name, terms.Kind, offered, portion, PortionBudget(terms, campaign.Portions, portion),
            terms.PerCustomerLimit, couponId);
    }

    /// <summary>What each portion of the campaign is thought to have left, read from the portions once per activation.</summary>
    private Task<long[]> Left(Campaign campaign)
    {
        if (!_left.TryGetValue(campaign.CampaignId, out var loading) || loading.IsFaulted)
        {
            _left[campaign.CampaignId] = loading = Load();
        }
        return loading;

        async Task<long[]> Load()
        {
            var spent = await Task.WhenAll(Enumerable.Range(0, campaign.Portions).Select(p => Portion(campaign, p).Spent()));
            return [.. spent.Select((s, p) => PortionBudget(campaign.Terms, campaign.Portions, p) - s)];
        }
    }

    private ICampaignBudgetGrain Portion(Campaign campaign, int portion) => GrainFactory.GetGrain<ICampaignBudgetGrain>(Campaigns.PortionKey(campaign.CampaignId, portion));

    private static WalletRefusedException NotApplicable(Campaign campaign, long amount, DateTimeOffset at, string currency)
    {
        var terms = campaign.Terms;
        var why = campaign.EndedAt is not null || at >= terms.EndsAt ? "its campaign has ended"
            : at < terms.StartsAt ? "its campaign has not started"
            : amount < terms.MinSpend ? $"it needs a payment of at least {Money.Amounts.Format(terms.MinSpend, currency)}"
            : terms.BenefitOn(amount) <= 0 ? "it gives nothing on this amount"
            : "its campaign's budget is spent";
        return new WalletRefusedException(RefusalCodes.CouponNotApplicable, $"This coupon cannot be used: {why}.");
    }

    /// <summary>
    /// Portions a budget is split into: never more than the largest benefits it can pay in full, so a
    /// portion can give one. A cashback budget is split in whole cashbacks (every one of them can be
    /// given); a capped discount by its cap; an uncapped discount or points, whose size is unknown, is one portion.
    /// </summary>
    private static int Portions(CampaignTerms terms)
    {
        long? largest = terms.Kind switch
        {
            CampaignKind.Cashback => terms.Cashback,
            CampaignKind.Discount => terms.MaxDiscount,
            CampaignKind.Points => null,
        };
        return largest is { } unit ? (int)Math.Clamp(terms.Budget / unit, 1, MostPortions) : 1;
    }

    private static long PortionBudget(CampaignTerms terms, int portions, int portion)
    {
        var unit = terms.Kind == CampaignKind.Cashback ? terms.Cashback!.Value : 1;
        var units = terms.Budget / unit;
        return (units / portions + (portion < units % portions ? 1 : 0)) * unit;
    }

    private async Task<CampaignView> View(Campaign campaign)
    {
        var spent = await Task.WhenAll(Enumerable.Range(0, campaign.Portions).Select(p => Portion(campaign, p).Spent()));
        var ended = campaign.EndedAt is not null || campaign.Terms.EndsAt <= clock.GetUtcNow();
        return new CampaignView(campaign.CampaignId, MerchantId, campaign.Terms, spent.Sum(), ended, campaign.LaunchedAt, await Currency());
    }

    private Campaign Find(string campaignId)
        => promotions.State.Campaigns.Find(c => c.CampaignId == campaignId) ?? throw WalletRefusedException.NotFound("The campaign");
}

[GenerateSerializer, Alias("Wallet.PromotionsState")]
public sealed class PromotionsState
{
    /// <summary>Oldest first.</summary>
    [Id(0)] public List<Campaign> Campaigns { get; set; } = [];
}

[GenerateSerializer, Alias("Wallet.Campaign")]
public sealed class Campaign
{
    [Id(0)] public string CampaignId { get; set; } = "";
    [Id(1)] public CampaignTerms Terms { get; set; } = null!;

    /// <summary>Fixed at launch: the budget's portions and what each may give follow from it.</summary>
    [Id(2)] public int Portions { get; set; }
    [Id(3)] public DateTimeOffset LaunchedAt { get; set; }
    [Id(4)] public IdempotentRequest Request { get; set; } = null!;
    [Id(5)] public DateTimeOffset? EndedAt { get; set; }
}
