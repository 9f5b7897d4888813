using Wallet.ClientApi.Contract;
using Wallet.ClientApi.Hosting;
using Wallet.ClientApi.Http;
using Wallet.ClientApi.Wallets;
using Wallet.Identity;
using Wallet.Ledger;
using Wallet.Money;
using Wallet.Refusals;
using Wallet.Utilities;

namespace Wallet.ClientApi.Utilities;

/// <summary>The billers customers pay (生活缴费); operators add them and watch what the bank holds for each.</summary>
public static class BillersEndpoints
{
    private const int NameLength = 40;

    public static IEndpointRouteBuilder MapBillers(this IEndpointRouteBuilder routes)
    {
        var billers = routes.MapGroup("/v1/billers").WithTags("Utility bills").RequireAuthorization();
        billers.MapGet("", List).WithName("ListBillers");
        billers.MapGet("/{id}", Get).WithName("GetBiller").AddEndpointFilter<WellFormedIdFilter>();

        var ops = routes.MapGroup("/v1/ops").WithTags("Operators").RequireAuthorization(AuthSetup.OperatorPolicy);
        ops.MapGet("/billers", ListForOperators).WithName("ListBillersForOperators");
        ops.MapPost("/billers", Add).WithName("AddBiller").MayRefuse(RefusalCodes.InvalidText);
        ops.MapGet("/bill-payments/late-confirmations", LateConfirmations).WithName("ListLateBillConfirmations");
        return routes;
    }

    /// <summary>The billers, by city then name.</summary>
    /// <param name="city">Keep the billers of this city (such as 上海; 全国 for nationwide ones), ignoring case; all when absent.</param>
    /// <param name="kind">Keep the billers of this kind: <c>water</c>, <c>electricity</c>, <c>gas</c>, <c>mobile</c>, <c>broadband</c> or <c>property</c>.</param>
    public static async Task<Results<Ok<Page<BillerResponse>>, ValidationProblem>> List(IGrainFactory grains, string? city = null, string? kind = null)
    {
        var wanted = QueryValues.Named<BillerKind>(kind, out var kindOk);
        if (new FieldErrors().Check(kindOk, "kind", $"Use one of {QueryValues.NamesOf<BillerKind>()}.").Text(city, "city", NameLength, required: false).Problem is { } invalid)
        {
            return invalid;
        }
        var found = await grains.GetGrain<IBillerDirectoryGrain>(0).List(city, wanted);
        return TypedResults.Ok(new Page<BillerResponse>([.. found.Select(BillerResponse.Of)], null));
    }

    /// <param name="id">The biller's id (<c>bil_…</c>).</param>
    public static async Task<Ok<BillerResponse>> Get(string id, IGrainFactory grains)
        => TypedResults.Ok(BillerResponse.Of(await grains.GetGrain<IBillerGrain>(id).GetProfile() ?? throw WalletRefusedException.NotFound("The biller")));

    /// <summary>Every biller with what customers have paid it that the bank holds.</summary>
    public static async Task<Ok<Page<OpsBillerResponse>>> ListForOperators(IGrainFactory grains)
    {
        var billers = await grains.GetGrain<IBillerDirectoryGrain>(0).List(null, null);
        var owed = await Task.WhenAll(billers.Select(async b =>
        {
            var shards = await Task.WhenAll(ClearingAccounts.ShardsOf(ClearingAccounts.Biller(b.BillerId), b.Currency)
                .Select(key => grains.GetGrain<IClearingAccountGrain>(key).ReadBalance()));
            return new OpsBillerResponse(BillerResponse.Of(b), shards.Sum(), b.Currency);
        }));
        return TypedResults.Ok(new Page<OpsBillerResponse>(owed, null));
    }

    /// <summary>A new biller, with an id the bank makes up; its billing company is reached through the bank's billing network.</summary>
    public static async Task<Results<Created<BillerResponse>, ValidationProblem>> Add(AddBillerRequest body, IGrainFactory grains)
    {
        var currency = body.Currency ?? "CNY";
        var rule = body.AccountRule is { MinLength: { } min, MaxLength: { } max } r ? new AccountNumberRule(min, max, r.DigitsOnly ?? true, r.LuhnCheckDigit ?? false, r.Prefix) : null;
        var denominations = body.Denominations ?? [];
        var (least, most) = (body.MinAmount ?? 1, body.MaxAmount ?? 10_000_000);
        var errors = new FieldErrors()
            .Text(body.Name, "name", NameLength).Text(body.NameLatin, "nameLatin", NameLength, required: false).Text(body.City, "city", 20)
            .Required(body.Kind, "kind").Required(body.Mode, "mode").Required(body.AccountRule, "accountRule")
            .Check(body.AccountRule is null || rule is { IsSound: true }, "accountRule",
                "minLength 4 to 32, maxLength from minLength to 32, a prefix of up to 8 letters or digits shorter than maxLength.")
            .Currency(currency)
            .Check(Amounts.IsValidMovement(least) && Amounts.IsValidMovement(most) && least <= most, "minAmount", "1 ≤ minAmount ≤ maxAmount, in minor units.")
            .Check(body.Mode != BillingMode.Denominations || (denominations.Count is > 0 and <= 12 && denominations.All(d => d >= least && d <= most)), "denominations",
                "A denominations biller offers 1 to 12 amounts, each within minAmount and maxAmount.")
            .Check(body.ConfirmWithinMinutes is null or (>= 1 and <= 10_080), "confirmWithinMinutes", "1 to 10,080 minutes (a week).");
        if (errors.Problem is { } invalid)
        {
            return invalid;
        }
        var profile = new BillerProfile(Ids.New(IdPrefixes.Biller), body.Name!.Trim(), body.NameLatin?.Trim(), body.Kind!.Value, body.City!.Trim(), body.Mode!.Value, rule!,
            body.Mode == BillingMode.Denominations ? [.. denominations.Order()] : [], least, most, currency, TimeSpan.FromMinutes(body.ConfirmWithinMinutes ?? 10));
        var added = await grains.GetGrain<IBillerGrain>(profile.BillerId).Publish(profile);
        return TypedResults.Created($"/v1/billers/{added.BillerId}", BillerResponse.Of(added));
    }

    /// <summary>Bill payments a biller confirmed after the bank had refunded them, newest first: the bank recovers these from the biller.</summary>
    public static async Task<Ok<Page<LateConfirmationResponse>>> LateConfirmations(IGrainFactory grains)
        => TypedResults.Ok(new Page<LateConfirmationResponse>([.. (await grains.GetGrain<IBillerCasesGrain>(0).List()).Select(LateConfirmationResponse.Of)], null));
}
