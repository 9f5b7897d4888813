using Wallet.ClientApi.Contract;
using Wallet.ClientApi.Hosting;
using Wallet.ClientApi.Http;
using Wallet.ClientApi.Wallets;
using Wallet.Identity;
using Wallet.Ledger;
using Wallet.Money;
using Wallet.Products;
using Wallet.Refusals;

namespace Wallet.ClientApi.Products;

/// <summary>Operators set the bank's products up, publish, pause and close them, and set their rates.</summary>
public static class OpsProductsEndpoints
{
    private const int NameLength = 40;
    private const int MostBasisPoints = 2_000;

    public static IEndpointRouteBuilder MapOpsProducts(this IEndpointRouteBuilder routes)
    {
        var ops = routes.MapGroup("/v1/ops/products").WithTags("Operators").RequireAuthorization(AuthSetup.OperatorPolicy).AddEndpointFilter<WellFormedIdFilter>();
        ops.MapGet("", List).WithName("ListProductsForOperators");
        ops.MapPost("", Create).WithName("CreateProduct").MayRefuse(RefusalCodes.InvalidText);
        ops.MapPost("/{id}/publish", Publish).WithName("PublishProduct").MayRefuse(RefusalCodes.ProductClosed);
        ops.MapPost("/{id}/pause", Pause).WithName("PauseProduct").MayRefuse(RefusalCodes.ProductClosed, RefusalCodes.ProductNotOnSale);
        ops.MapPost("/{id}/close", Close).WithName("CloseProduct");
        ops.MapPut("/{id}/rates", SetRates).WithName("SetProductRates").MayRefuse(RefusalCodes.ProductClosed);
        return routes;
    }

    /// <summary>Every product (drafts too), with what it raised and what its holders are owed now.</summary>
    public static async Task<Ok<Page<OpsProductResponse>>> List(IGrainFactory grains)
    {
        var ids = await grains.GetGrain<IProductCatalogueGrain>(0).List();
        var products = await Task.WhenAll(ids.Select(id => Viewed(grains, id)));
        return TypedResults.Ok(new Page<OpsProductResponse>(products, null));
    }

    /// <summary>A new product as a draft: customers see it once it is published. 201 with it.</summary>
    public static async Task<Results<Created<OpsProductResponse>, ValidationProblem>> Create(CreateProductRequest body, IGrainFactory grains, TimeProvider clock)
    {
        var currency = body.Currency ?? "CNY";
        var demand = body.DemandRateBasisPoints ?? 0;
        var deposit = body.Kind == ProductKind.TermDeposit;
        var wealth = body.Kind == ProductKind.Wealth;
        // The bank's day (Asia/Shanghai: UTC+8 all year, no daylight saving since 1991), not UTC's.
        var today = DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime);
        var latest = today.AddYears(50);
        var errors = new FieldErrors()
            .Text(body.Name, "name", NameLength).Required(body.Kind, "kind").Required(body.RiskLevel, "riskLevel").Currency(currency)
            .Check(body.RiskLevel is null || RiskLevels.IsValid(body.RiskLevel.Value), "riskLevel", "1 to 5 (R1 to R5).")
            .Required(body.AnnualRateBasisPoints, "annualRateBasisPoints")
            .Check(body.AnnualRateBasisPoints is null or (>= 0 and <= MostBasisPoints), "annualRateBasisPoints", $"0 to {MostBasisPoints} basis points.")
            .Check(demand >= 0 && demand <= (body.AnnualRateBasisPoints ?? MostBasisPoints), "demandRateBasisPoints", "0 up to the annual rate.")
            .Check(body.MinimumAmount is null || Amounts.IsValidMovement(body.MinimumAmount.Value), "minimumAmount", "1 or more minor units.")
            .Check(body.Quota is null || (Amounts.IsValidMovement(body.Quota.Value) && body.Quota >= (body.MinimumAmount ?? 1)), "quota", "From the minimum amount up, in minor units.")
            .Check(deposit ? body.TermMonths is 3 or 6 or 12 : body.TermMonths is null, "termMonths", "A deposit's term is 3, 6 or 12 months; only deposits have one.")
            .Check(!wealth || body.Quota is not null, "quota", "A wealth product raises a quota.")
            .Check(wealth ? body.SubscriptionOpens is not null : body.SubscriptionOpens is null, "subscriptionOpens", "A wealth product's first day of sale; only wealth products have one.")
            .Check(new[] { body.SubscriptionOpens, body.SubscriptionCloses, body.MaturesOn }.All(d => d is null || d <= latest), "maturesOn", "Dates within fifty years.")
            .Check(wealth ? body.SubscriptionCloses >= body.SubscriptionOpens && body.SubscriptionCloses >= today : body.SubscriptionCloses is null, "subscriptionCloses",
                "On or after the window opens, and not past; only wealth products have one.")
            .Check(wealth ? body.MaturesOn > body.SubscriptionCloses && body.SubscriptionCloses <= latest && body.MaturesOn <= body.SubscriptionCloses!.Value.AddYears(10) : body.MaturesOn is null, "maturesOn",
                "After the window closes, at most ten years on; only wealth products have one.");
        if (errors.Problem is { } invalid)
        {
            return invalid;
        }
        var terms = new ProductTerms(Ids.New(IdPrefixes.Product), body.Name!.Trim(), body.Kind!.Value, body.RiskLevel!.Value, currency, body.AnnualRateBasisPoints!.Value,
            demand, body.MinimumAmount ?? 1, body.Quota, body.TermMonths, body.SubscriptionOpens, body.SubscriptionCloses, body.MaturesOn);
        await grains.GetGrain<IProductGrain>(terms.ProductId).Create(terms);
        return TypedResults.Created($"/v1/products/{terms.ProductId}", await Viewed(grains, terms.ProductId));
    }

    /// <summary>Offers the product to customers (a draft or a paused one).</summary>
    /// <param name="id">The product (<c>prd_…</c>).</param>
    public static Task<Ok<OpsProductResponse>> Publish(string id, IGrainFactory grains) => Moved(grains, id, ProductStatus.Published);

    /// <summary>Stops selling the product for now; its holdings go on.</summary>
    /// <param name="id">The product (<c>prd_…</c>).</param>
    public static Task<Ok<OpsProductResponse>> Pause(string id, IGrainFactory grains) => Moved(grains, id, ProductStatus.Paused);

    /// <summary>Never sells the product again; its holdings go on to their end.</summary>
    /// <param name="id">The product (<c>prd_…</c>).</param>
    public static Task<Ok<OpsProductResponse>> Close(string id, IGrainFactory grains) => Moved(grains, id, ProductStatus.Closed);

    /// <summary>New rates from the next bank day: for purchases from then, and a fund's days from then (a day is never repriced while it is earned).</summary>
    /// <param name="id">The product (<c>prd_…</c>).</param>
    public static async Task<Results<Ok<OpsProductResponse>, ValidationProblem>> SetRates(string id, SetProductRatesRequest body, IGrainFactory grains)
    {
        var demand = body.DemandRateBasisPoints ?? 0;
        if (new FieldErrors().Required(body.AnnualRateBasisPoints, "annualRateBasisPoints")
            .Check(body.AnnualRateBasisPoints is null or (>= 0 and <= MostBasisPoints), "annualRateBasisPoints", $"0 to {MostBasisPoints} basis points.")
            .Check(demand >= 0 && demand <= (body.AnnualRateBasisPoints ?? MostBasisPoints), "demandRateBasisPoints", "0 up to the annual rate.").Problem is { } invalid)
        {
            return invalid;
        }
        await grains.GetGrain<IProductGrain>(id).SetRates(body.AnnualRateBasisPoints!.Value, demand);
        return TypedResults.Ok(await Viewed(grains, id));
    }

    private static async Task<Ok<OpsProductResponse>> Moved(IGrainFactory grains, string id, ProductStatus status)
    {
        await grains.GetGrain<IProductGrain>(id).Move(status);
        return TypedResults.Ok(await Viewed(grains, id));
    }

    private static async Task<OpsProductResponse> Viewed(IGrainFactory grains, string id)
    {
        var product = grains.GetGrain<IProductGrain>(id);
        var offer = await product.Offer() ?? throw WalletRefusedException.NotFound("The product");
        var view = await product.View() ?? throw WalletRefusedException.NotFound("The product");
        var owed = await Task.WhenAll(ClearingAccounts.ShardsOf(ClearingAccounts.Product(id), view.Terms.Currency).Select(key => grains.GetGrain<IClearingAccountGrain>(key).ReadBalance()));
        return new OpsProductResponse(ProductResponse.Of(view, offer.NotOnSale, null), view.Raised, owed.Sum(), view.Terms.Currency, [.. view.Rates.Select(ProductRateResponse.Of)],
            view.UpdatedAt);
    }
}
