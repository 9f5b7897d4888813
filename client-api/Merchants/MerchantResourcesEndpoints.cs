using System.Security.Claims;
using Wallet.ClientApi.Hosting;
using Wallet.ClientApi.Http;
using Wallet.Merchants;
using Wallet.Promotions;
using Wallet.Refusals;

namespace Wallet.ClientApi.Merchants;

/// <summary>
/// The merchant's other resources, each where its 201's Location points: QR codes, campaigns, the coupons
/// they issued, settlements. Another merchant's id answers 404, the same as an unknown one.
/// </summary>
public static class MerchantResourcesEndpoints
{
    public static IEndpointRouteBuilder MapMerchantResources(this IEndpointRouteBuilder routes)
    {
        var merchant = routes.MapGroup("/v1/merchant").RequireAuthorization(AuthSetup.MerchantPolicy).AddEndpointFilter<WellFormedIdFilter>();
        merchant.MapGet("/qr-codes/{id}", GetQrCode).WithName("GetQrCode").WithTags("Merchants");
        merchant.MapGet("/settlements/{id}", GetSettlement).WithName("GetSettlement").WithTags("Merchants");
        merchant.MapGet("/campaigns/{id}", GetCampaign).WithName("GetCampaign").WithTags("Promotions");
        merchant.MapGet("/campaigns/{id}/coupons/{couponId}", GetCoupon).WithName("GetIssuedCoupon").WithTags("Promotions");
        return routes;
    }

    /// <summary>A QR code as it was issued: the same payload and image (a dynamic code may since have been paid or have expired).</summary>
    /// <param name="id">The QR code's id (<c>qr_…</c>), one of the merchant's.</param>
    public static async Task<Ok<QrCodeResponse>> GetQrCode(string id, ClaimsPrincipal merchant, IGrainFactory grains)
        => TypedResults.Ok(QrCodesEndpoints.ResponseOf(await grains.GetGrain<IMerchantGrain>(merchant.CustomerId()).FindQrCode(id)
            ?? throw WalletRefusedException.NotFound("The QR code")));

    /// <summary>A settlement report: what was swept, the fee, the net paid to the card, and whether the bank has paid it yet.</summary>
    /// <param name="id">The settlement's id (<c>st_…</c>), one of the merchant's.</param>
    public static async Task<Ok<SettlementReport>> GetSettlement(string id, ClaimsPrincipal merchant, IGrainFactory grains)
        => TypedResults.Ok((await grains.GetGrain<IMerchantSettlementGrain>(merchant.CustomerId()).ListSettlements()).FirstOrDefault(s => s.SettlementId == id)
            ?? throw WalletRefusedException.NotFound("The settlement"));

    /// <summary>A campaign: its terms, what it has spent of the budget, and whether it has ended.</summary>
    /// <param name="id">The campaign's id (<c>cmp_…</c>), one of the merchant's.</param>
    public static async Task<Ok<CampaignResponse>> GetCampaign(string id, ClaimsPrincipal merchant, IGrainFactory grains)
        => TypedResults.Ok(CampaignResponse.From((await grains.GetGrain<IMerchantPromotionsGrain>(merchant.CustomerId()).List()).FirstOrDefault(c => c.CampaignId == id)
            ?? throw WalletRefusedException.NotFound("The campaign")));

    /// <summary>A coupon the merchant issued under this campaign; <c>usedBy</c> names the payment that used it.</summary>
    /// <param name="id">The campaign's id (<c>cmp_…</c>), one of the merchant's.</param>
    /// <param name="couponId">The coupon's id (<c>cpn_…</c>), issued under that campaign.</param>
    public static async Task<Ok<CouponView>> GetCoupon(string id, string couponId, ClaimsPrincipal merchant, IGrainFactory grains)
        => await grains.GetGrain<ICouponGrain>(couponId).ReadIssued(merchant.CustomerId()) is { } coupon && coupon.CampaignId == id
            ? TypedResults.Ok(coupon)
            : throw WalletRefusedException.NotFound("The coupon");
}
