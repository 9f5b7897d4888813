using Wallet.Ledger;
using Wallet.Promotions;
using Wallet.Refusals;
using Wallet.Wallets;

namespace Wallet.Movements;

/// <summary>
/// Campaigns on a merchant payment (by QR code or by a charge). The offer is decided before the transaction
/// (the merchant's best running campaign, or the coupon's); inside the transaction the coupon is used, the
/// customer's uses counted and the budget portion drawn on, together with the money: an aborted payment gives
/// nothing, and a budget is never overspent. An automatic offer whose portion turns out spent gives nothing and
/// the payment goes on at full price; a coupon that cannot be honoured refuses the payment.
/// </summary>
public sealed partial class PaymentOffers(IGrainFactory grains, string movementId, TimeProvider clock, ILogger logger)
{
    /// <summary>What a promoted payment was given, set inside the transaction (each attempt afresh) and written into its receipt.</summary>
    public sealed class Promoted(PromotionOffer? offer)
    {
        public PromotionOffer? Offer { get; } = offer;

        public AppliedPromotion? Applied { get; set; }

        /// <summary>The portion had less left than was offered (so it has nothing, or too little for another offer, now).</summary>
        public bool PortionSpent { get; set; }

        public PaymentReceipt Amend(PaymentReceipt receipt) => Applied is { } given ? receipt with { Promotion = given } : receipt;
    }

    public async Task<Promoted> OfferFor(string merchantId, string payerId, long amount, string? couponId)
    {
        CouponView? coupon = null;
        if (couponId is not null)
        {
            coupon = await grains.GetGrain<ICouponGrain>(couponId).Read(payerId);
            if (coupon is null || coupon.MerchantId != merchantId)
            {
                throw new WalletRefusedException(RefusalCodes.InvalidCoupon, coupon is null ? "You hold no such coupon." : "This coupon is for another merchant.");
            }
            if (coupon.UsedBy is not null)
            {
                throw new WalletRefusedException(RefusalCodes.CouponUsed, "This coupon has been used.");
            }
        }
        return new Promoted(await grains.GetGrain<IMerchantPromotionsGrain>(merchantId).Offer(amount, clock.GetUtcNow(), movementId, coupon));
    }

    /// <summary>
    /// The money of a payment with its offer, inside the committing transaction: the benefit taken, the payer
    /// debited the price less any discount (by <paramref name="pay"/>, which debits and credits), the merchant
    /// credited that less any cashback, the cashback or points given to the payer. Once the budget is drawn on,
    /// a refusal aborts (so the budget is given back) and is then recorded on its own.
    /// </summary>
    public async Task<Refusal?> Pay(Posting debit, string fromWalletId, string merchantId, Promoted promoted, Func<Posting, long?, Task<Refusal?>> pay)
    {
        promoted.Applied = null;
        promoted.PortionSpent = false;
        var benefit = promoted.Offer is { } offered ? await Take(promoted, offered, debit.ActorId) : 0;
        if (promoted.Offer is not { } offer || benefit == 0)
        {
            return await pay(debit, null);
        }
        var given = new AppliedPromotion(offer.CampaignId, offer.CampaignName, offer.Kind, debit.Amount, benefit, offer.CouponId);
        var paid = debit with { Amount = debit.Amount - given.Discount };
        if (await pay(paid, paid.Amount - given.Cashback) is { } refusal)
        {
            throw refusal.AsException();
        }
        var payer = grains.GetGrain<IWalletGrain>(fromWalletId);
        if (given.Cashback > 0)
        {
            await payer.Credit(new Posting(movementId, MovementKind.Cashback, debit.ActorId, given.Cashback, debit.Currency, merchantId, offer.CampaignName));
        }
        if (given.Points > 0)
        {
            await payer.AddPoints(given.Points);
        }
        promoted.Applied = given;
        return null;
    }

    /// <summary>Uses the coupon, counts the customer's use and draws on the budget portion; what the portion gave (0: nothing).</summary>
    private async Task<long> Take(Promoted promoted, PromotionOffer offer, string payerId)
    {
        if (offer.CouponId is { } couponId && await grains.GetGrain<ICouponGrain>(couponId).Redeem(payerId, movementId, clock.GetUtcNow()) is { } unusable)
        {
            throw unusable.AsException();
        }
        var uses = offer.PerCustomerLimit is null ? null : grains.GetGrain<ICampaignCustomerGrain>(Campaigns.CustomerKey(offer.CampaignId, payerId));
        if (uses is not null && !await uses.TryUse(offer.PerCustomerLimit!.Value))
        {
            return offer.CouponId is null ? 0 : throw new WalletRefusedException(RefusalCodes.CouponNotApplicable, "You have had this campaign as often as it allows.");
        }
        var taken = await grains.GetGrain<ICampaignBudgetGrain>(Campaigns.PortionKey(offer.CampaignId, offer.Portion))
            .Take(offer.Benefit, offer.PortionBudget, partial: offer.Kind != CampaignKind.Cashback);
        promoted.PortionSpent = taken < offer.Benefit;
        if (taken == 0)
        {
            if (uses is not null)
            {
                await uses.Unuse();
            }
            if (offer.CouponId is not null)
            {
                throw new WalletRefusedException(RefusalCodes.CouponNotApplicable, "This coupon cannot be used: its campaign's budget is spent.");
            }
        }
        return taken;
    }

    /// <summary>
    /// After the commit: tells the merchant's campaigns what of the offer was given, so the rest can be
    /// offered again. With no outcome (the movement's answer was in doubt, or it failed) nothing is
    /// counted as given: a replay closes its own offer with what the recorded outcome gave, and the
    /// portion's transactional state decides in any case. Left open, the offer would be held back for good.
    /// When something goes back to the campaign, the answer waits until the campaign knows: otherwise the
    /// next payer (or this payment's own replay) could ask for an offer before the give-back arrives and go
    /// without one the budget still holds — seen under load as a thousand payments giving 99 cashbacks of 100,
    /// and again (98 of 100) while the campaign's close was still declared one-way, which made this wait return at once.
    /// </summary>
    public async Task Close(string merchantId, Promoted? promoted, PaymentReceipt? outcome)
    {
        if (promoted?.Offer is not { } offer)
        {
            return;
        }
        var completed = outcome?.Status == MovementStatus.Completed;
        var given = completed ? outcome!.Promotion?.Benefit ?? 0 : 0;
        var closing = grains.GetGrain<IMerchantPromotionsGrain>(merchantId)
            .CloseOffer(offer.CampaignId, offer.Portion, offer.Benefit, given, completed && promoted.PortionSpent);
        if (given >= offer.Benefit)
        {
            closing.Ignore(); // all of it given: nothing for anyone to wait for
            return;
        }
        try
        {
            await closing;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // The payment's own outcome stands; the campaign's cache is rebuilt from the budget's state when it reloads.
            LogOfferNotClosed(logger, movementId, offer.CampaignId, exception.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Movement {MovementId} could not give its unused offer back to campaign {CampaignId} ({Error}); it is held back until the campaign reloads")]
    private static partial void LogOfferNotClosed(ILogger logger, string movementId, string campaignId, string error);
}
