using System.Security.Claims;
using Wallet.ClientApi.Contract;
using Wallet.ClientApi.Hosting;
using Wallet.ClientApi.Http;
using Wallet.ClientApi.Wallets;
using Wallet.ClientApi.Movements;
using Wallet.Customers;
using Wallet.Movements;
using Wallet.Products;
using Wallet.Refusals;

namespace Wallet.ClientApi.Products;

/// <summary>The bank's products (理财) as customers see them: the list of what is on sale, one product, and buying it.</summary>
public static class ProductsEndpoints
{
    public static IEndpointRouteBuilder MapProducts(this IEndpointRouteBuilder routes)
    {
        var products = routes.MapGroup("/v1/products").WithTags("Wealth and deposits").RequireAuthorization().AddEndpointFilter<WellFormedIdFilter>();
        products.MapGet("", List).WithName("ListProducts");
        products.MapGet("/{id}", Get).WithName("GetProduct");
        products.MapPost("/{id}/purchases", Buy).WithName("BuyProduct").MayRefuse(CommonRefusals.PayerAuthorisation).MayRefuse(CommonRefusals.MoneyOut)
            .MayRefuse(RefusalCodes.ProductNotOnSale, RefusalCodes.QuotaExhausted, RefusalCodes.AmountTooSmall, RefusalCodes.HigherTierRequired,
                RefusalCodes.RiskAssessmentRequired, RefusalCodes.ProductRiskTooHigh, RefusalCodes.IdempotencyKeyReused)
            .WithIdempotencyKey(required: true).RequireRateLimiting(RateLimitSetup.Money);
        return routes;
    }

    /// <summary>The products on sale now, each with whether the caller may buy it (and why not).</summary>
    public static async Task<Ok<Page<ProductResponse>>> List(ClaimsPrincipal user, IGrainFactory grains, TimeProvider clock)
    {
        var ids = await grains.GetGrain<IProductCatalogueGrain>(0).List();
        var offers = await Task.WhenAll(ids.Select(id => grains.GetGrain<IProductGrain>(id).Offer()));
        var onSale = ids.Zip(offers).Where(o => o.Second is { NotOnSale: null }).Select(o => o.First).ToList();
        var views = await Task.WhenAll(onSale.Select(id => grains.GetGrain<IProductGrain>(id).Glance()));
        var caller = await Caller(user, grains);
        return TypedResults.Ok(new Page<ProductResponse>([.. views.OfType<ProductView>().Select(v => ProductResponse.Of(v, null, YourRefusal(caller, v, null, clock)))], null));
    }

    /// <summary>A product, published once (a draft is not found), with whether the caller may buy it now.</summary>
    /// <param name="id">The product (<c>prd_…</c>).</param>
    public static async Task<Ok<ProductResponse>> Get(string id, ClaimsPrincipal user, IGrainFactory grains, TimeProvider clock)
    {
        var product = grains.GetGrain<IProductGrain>(id);
        var offer = await product.Offer() is { Status: not ProductStatus.Draft } found ? found : throw WalletRefusedException.NotFound("The product");
        var view = await product.Glance() ?? throw WalletRefusedException.NotFound("The product");
        return TypedResults.Ok(ProductResponse.Of(view, offer.NotOnSale, YourRefusal(await Caller(user, grains), view, offer.NotOnSale, clock)));
    }

    /// <summary>
    /// Buys the product with the payment PIN or a device signature: in one transaction the wallet pays, the quota is drawn on and
    /// the money is in the caller's holding (a fund's one holding, or a holding of this purchase's own). 201 with the purchase;
    /// a refusal moves nothing. Tier 2 is needed, and above R1 a risk assessment of the last year reaching the product's level.
    /// </summary>
    /// <param name="id">The product (<c>prd_…</c>).</param>
    public static async Task<Results<Created<PurchaseResponse>, ProblemHttpResult, ValidationProblem>> Buy(
        string id, BuyProductRequest body, HttpContext context, ClaimsPrincipal user, IGrainFactory grains)
    {
        var (request, keyProblem) = IdempotencyKeys.Read(context, required: true);
        if ((keyProblem ?? new FieldErrors().Id(body.WalletId, "walletId").Amount(body.Amount).Authorisation(body.Pin, body.DeviceSignature).Problem) is { } invalid)
        {
            return invalid;
        }
        var customerId = user.CustomerId();
        var receipt = await MovementResults.GrainFor<IProductPurchaseGrain>(grains, Workflow.ProductPurchase, customerId, request!).Buy(new ProductPurchaseOrder(
            customerId, request!.Fingerprint, id, body.WalletId!, body.Amount!.Value, DeviceSignatureBody.From(body.Pin, body.DeviceSignature, request.Key)));
        MovementResults.MarkReplay(context, receipt);
        return receipt.Status switch
        {
            MovementStatus.Completed => TypedResults.Created($"/v1/holdings/{receipt.HoldingId}", PurchaseResponse.Of(receipt)),
            MovementStatus.Refused => MovementResults.Refusal(receipt),
            MovementStatus.PendingConfirmation or MovementStatus.Authorized or MovementStatus.Voided or MovementStatus.HeldForReview or MovementStatus.AwaitingApproval => throw MovementResults.NeverEndsIn(receipt),
        };
    }

    private static async Task<(int Tier, RiskAssessment? Assessment)> Caller(ClaimsPrincipal user, IGrainFactory grains)
    {
        var customerId = user.CustomerId();
        var profile = grains.GetGrain<ICustomerGrain>(customerId).GetProfile();
        var assessment = grains.GetGrain<IRiskAssessmentGrain>(customerId).Current();
        return ((await profile).Tier, await assessment);
    }

    private static string? YourRefusal((int Tier, RiskAssessment? Assessment) caller, ProductView view, string? notOnSale, TimeProvider clock)
        => notOnSale is not null ? RefusalCodes.ProductNotOnSale : Suitability.Of(caller.Tier, caller.Assessment, view.Terms.RiskLevel, clock.GetUtcNow())?.Code;
}
