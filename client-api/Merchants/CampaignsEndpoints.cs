using Wallet.ClientApi.Contract;
using System.Security.Claims;
using Wallet.ClientApi.Hosting;
using Wallet.ClientApi.Http;
using Wallet.ClientApi.Wallets;
using Wallet.Customers;
using Wallet.Money;
using Wallet.Promotions;
using Wallet.Refusals;

namespace Wallet.ClientApi.Merchants;

/// <summary>Merchants' campaigns (discounts, cashback, points) and the coupons of coupon-only ones; customers list their coupons.</summary>
public static class CampaignsEndpoints
{
    private const int MostUsesPerCustomer = 1_000;
    private const int MostPointsPerYuan = 1_000;

    public static IEndpointRouteBuilder MapCampaigns(this IEndpointRouteBuilder routes)
    {
        var campaigns = routes.MapGroup("/v1/merchant/campaigns").WithTags("Promotions").RequireAuthorization(AuthSetup.MerchantPolicy).AddEndpointFilter<WellFormedIdFilter>();
        campaigns.MapPost("", Launch).WithName("LaunchCampaign").MayRefuse(RefusalCodes.InvalidText).WithIdempotencyKey(required: false);
        campaigns.MapGet("", List).WithName("ListCampaigns");
        campaigns.MapPost("/{id}/end", End).WithName("EndCampaign");
        campaigns.MapPost("/{id}/coupons", IssueCoupon).WithName("IssueCoupon").MayRefuse(Problems.TooManyRequests, RefusalCodes.CampaignEnded);
        routes.MapGroup("/v1/me").WithTags("Promotions").RequireAuthorization().MapGet("/coupons", ListCoupons).WithName("ListCoupons");
        return routes;
    }

    /// <summary>
    /// Launches a campaign: a discount (percentOff, maxDiscount?), cashback (cashback) or points
    /// (pointsPerYuan), for payments of at least minSpend, at most perCustomerLimit times per customer,
    /// within budget (fen, or points), from startsAt (now) to endsAt; couponOnly campaigns apply only with a coupon.
    /// </summary>
    public static async Task<Results<Created<CampaignResponse>, ValidationProblem>> Launch(
        CampaignRequest body, HttpContext context, ClaimsPrincipal merchant, IGrainFactory grains, TimeProvider time)
    {
        var (request, keyProblem) = IdempotencyKeys.Read(context, required: false);
        var startsAt = body.StartsAt ?? time.GetUtcNow();
        var kind = body.Kind ?? CampaignKind.Discount;
        var errors = new FieldErrors()
            .Text(body.Name?.Trim(), "name", 40)
            .Required(body.Kind, "kind")
            .Amount(body.Budget, "budget")
            .Check(body.EndsAt is { } ends && ends > startsAt && ends > time.GetUtcNow(), "endsAt", "The campaign ends in the future, after it starts.")
            .Check(body.MinSpend is null || body.MinSpend is >= 0 and <= Amounts.Max, "minSpend", $"0 to {Amounts.Max} fen.")
            .Check(body.PerCustomerLimit is null or > 0 and <= MostUsesPerCustomer, "perCustomerLimit", $"1 to {MostUsesPerCustomer} uses.")
            .Check(kind == CampaignKind.Discount ? body.PercentOff is > 0 and < 100 : body.PercentOff is null, "percentOff", "1 to 99, for a discount only.")
            .Check(body.MaxDiscount is null || (kind == CampaignKind.Discount && Amounts.IsValidMovement(body.MaxDiscount.Value)), "maxDiscount", "A cap in fen, for a discount only.")
            .Check(kind == CampaignKind.Cashback ? body.Cashback is > 0 && body.Cashback <= body.Budget : body.Cashback is null, "cashback", "The fen given back, at most the budget; for cashback only.")
            .Check(kind == CampaignKind.Points ? body.PointsPerYuan is > 0 and <= MostPointsPerYuan : body.PointsPerYuan is null, "pointsPerYuan", $"1 to {MostPointsPerYuan}, for points only.");
        if ((keyProblem ?? errors.Problem) is { } invalid)
        {
            return invalid;
        }
        var terms = new CampaignTerms(body.Name!.Trim(), kind, body.Budget!.Value, startsAt, body.EndsAt!.Value, body.MinSpend ?? 0, body.PerCustomerLimit,
            body.PercentOff, body.MaxDiscount, body.Cashback, body.PointsPerYuan, body.CouponOnly ?? false);
        var (view, replayed) = await Promotions(merchant, grains).Launch(terms, request!);
        IdempotencyKeys.MarkReplay(context, replayed);
        return TypedResults.Created($"/v1/merchant/campaigns/{view.CampaignId}", CampaignResponse.From(view));
    }

    /// <summary>The merchant's campaigns, newest first, with what each has spent of its budget.</summary>
    public static async Task<Ok<Page<CampaignResponse>>> List(ClaimsPrincipal merchant, IGrainFactory grains)
        => TypedResults.Ok(new Page<CampaignResponse>([.. (await Promotions(merchant, grains).List()).Select(CampaignResponse.From)], null));

    /// <param name="id">The campaign's id (<c>cmp_…</c>), one of the merchant's.</param>
    public static async Task<Ok<CampaignResponse>> End(string id, ClaimsPrincipal merchant, IGrainFactory grains)
        => TypedResults.Ok(CampaignResponse.From(await Promotions(merchant, grains).End(id)));

    /// <summary>Issues a coupon of a coupon-only campaign to the customer with this phone number.</summary>
    /// <param name="id">The coupon-only campaign's id (<c>cmp_…</c>), one of the merchant's.</param>
    public static async Task<Results<Created<CouponView>, ValidationProblem, ProblemHttpResult>> IssueCoupon(
        string id, CouponRequest body, HttpContext context, ClaimsPrincipal merchant, IGrainFactory grains, PhoneProbeBudget probes)
    {
        if (new FieldErrors().Phone(body.Phone).Problem is { } invalid)
        {
            return invalid;
        }
        var (customerId, withheld) = await probes.Ask(context, async () => await grains.GetGrain<IPhoneDirectoryGrain>(Phones.Normalize(body.Phone)!).FindCustomer()
            ?? throw WalletRefusedException.NotFound("A customer with that phone"), RefusalCodes.NotFound);
        if (withheld is not null)
        {
            return withheld;
        }
        var coupon = await Promotions(merchant, grains).IssueCoupon(id, customerId!);
        return TypedResults.Created($"/v1/merchant/campaigns/{id}/coupons/{coupon.CouponId}", coupon);
    }

    /// <summary>The caller's coupons, newest first; <c>usedBy</c> names the payment that used one.</summary>
    public static async Task<Ok<Page<CouponView>>> ListCoupons(ClaimsPrincipal user, IGrainFactory grains)
        => TypedResults.Ok(new Page<CouponView>(await grains.GetGrain<IPayerGrain>(user.CustomerId()).ListCoupons(), null));

    private static IMerchantPromotionsGrain Promotions(ClaimsPrincipal merchant, IGrainFactory grains)
        => grains.GetGrain<IMerchantPromotionsGrain>(merchant.CustomerId());
}

/// <summary>A campaign's terms: what it gives, for which payments, how often and until when.</summary>
/// <param name="Name">The name customers see, 1 to 40 characters.</param>
/// <param name="Kind">What it gives (see the CampaignKind schema); <c>discount</c> when left out.</param>
/// <param name="Budget">The most the campaign may give in all, in fen (CNY minor units), or in points for a points campaign.</param>
/// <param name="StartsAt">When it starts applying, UTC, ISO 8601; now when left out.</param>
/// <param name="EndsAt">When it stops applying, UTC, ISO 8601; in the future and after <c>startsAt</c>.</param>
/// <param name="MinSpend">The least a payment must be to qualify, in fen; 0 when left out.</param>
/// <param name="PerCustomerLimit">How many times one customer may benefit, 1 up; no limit when left out.</param>
/// <param name="PercentOff">For a discount only: the percentage off the price, 1 to 99.</param>
/// <param name="MaxDiscount">For a discount only: the most one payment's discount may be, in fen; no cap when left out.</param>
/// <param name="Cashback">For cashback only: the fen given back on each qualifying payment, at most the budget.</param>
/// <param name="PointsPerYuan">For points only: points earned per yuan (100 fen) paid.</param>
/// <param name="CouponOnly">True when the campaign applies only with a coupon issued by <c>POST /v1/merchant/campaigns/{id}/coupons</c>; false when left out.</param>
public sealed record CampaignRequest([property: RequiredField] string? Name, CampaignKind? Kind, [property: RequiredField] long? Budget, DateTimeOffset? StartsAt, [property: RequiredField] DateTimeOffset? EndsAt, long? MinSpend,
    int? PerCustomerLimit, int? PercentOff, long? MaxDiscount, long? Cashback, int? PointsPerYuan, bool? CouponOnly);

/// <summary>The customer a coupon is issued to.</summary>
/// <param name="Phone">The customer's registered mobile number, such as <c>+8613800138000</c>.</param>
public sealed record CouponRequest([property: RequiredField] string? Phone);

/// <summary>A campaign: its terms, what it has spent of the budget (minor units of its currency, or points), and whether it has ended.</summary>
/// <param name="CampaignId">The campaign's id (<c>cmp_…</c>).</param>
/// <param name="Name">The name customers see.</param>
/// <param name="Kind">What it gives (see the CampaignKind schema).</param>
/// <param name="Currency">ISO 4217 code of its amounts: the merchant's currency, chosen at onboarding.</param>
/// <param name="Budget">The most it may give in all, an integer in minor units of the currency (fen for CNY), or in points for a points campaign.</param>
/// <param name="Spent">What it has given so far, in the budget's unit.</param>
/// <param name="StartsAt">When it starts applying, UTC, ISO 8601.</param>
/// <param name="EndsAt">When it stops applying, UTC, ISO 8601.</param>
/// <param name="MinSpend">The least a payment must be to qualify, in minor units of the currency (0 for any).</param>
/// <param name="PerCustomerLimit">How many times one customer may benefit, or null for no limit.</param>
/// <param name="PercentOff">The percentage off the price for a discount; null for other kinds.</param>
/// <param name="MaxDiscount">The most one payment's discount may be, in minor units of the currency; null for no cap or other kinds.</param>
/// <param name="Cashback">What is given back on each qualifying payment, in minor units of the currency; null for other kinds.</param>
/// <param name="PointsPerYuan">Points earned per yuan paid; null for other kinds.</param>
/// <param name="CouponOnly">Whether it applies only with a coupon.</param>
/// <param name="Ended">Whether it has ended (its end passed, its budget ran out, or the merchant ended it).</param>
public sealed record CampaignResponse(string CampaignId, string Name, CampaignKind Kind, string Currency, long Budget, long Spent, DateTimeOffset StartsAt, DateTimeOffset EndsAt,
    long MinSpend, int? PerCustomerLimit, int? PercentOff, long? MaxDiscount, long? Cashback, int? PointsPerYuan, bool CouponOnly, bool Ended)
{
    public static CampaignResponse From(CampaignView view)
    {
        var t = view.Terms;
        return new(view.CampaignId, t.Name, t.Kind, view.Currency, t.Budget, view.Spent, t.StartsAt, t.EndsAt, t.MinSpend, t.PerCustomerLimit, t.PercentOff, t.MaxDiscount,
            t.Cashback, t.PointsPerYuan, t.CouponOnly, view.Ended);
    }
}
