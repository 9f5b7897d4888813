using System.Security.Claims;
using Wallet.Claims;
using Wallet.ClientApi.Contract;
using Wallet.ClientApi.Hosting;
using Wallet.ClientApi.Http;
using Wallet.Refusals;

namespace Wallet.ClientApi.Claims;

/// <summary>
/// Operators' side of claims: the queue of undecided claims oldest first, one claim with its evidence, assigning it,
/// asking the customer a question and deciding it; and the security fund (安全保障基金) that pays upheld claims.
/// </summary>
public static class OpsClaimsEndpoints
{
    public static IEndpointRouteBuilder MapOpsClaims(this IEndpointRouteBuilder routes)
    {
        var ops = routes.MapGroup("/v1/ops").WithTags("Operators").RequireAuthorization(AuthSetup.OperatorPolicy).AddEndpointFilter<WellFormedIdFilter>();
        ops.MapGet("/claims", Queue).WithName("ListClaimQueue").MayRefuse(RefusalCodes.InvalidText);
        ops.MapGet("/claims/{id}", Get).WithName("GetClaimForOperators");
        ops.MapPost("/claims/{id}/assign", Assign).WithName("AssignClaim").MayRefuse(Problems.Forbidden).MayRefuse(RefusalCodes.ClaimAlreadyDecided);
        ops.MapPost("/claims/{id}/questions", Ask).WithName("AskClaimQuestion").MayRefuse(Problems.Forbidden).MayRefuse(RefusalCodes.ClaimAlreadyDecided, RefusalCodes.InvalidText);
        ops.MapPost("/claims/{id}/decision", Decide).WithName("DecideClaim").MayRefuse(Problems.Forbidden)
            .MayRefuse(RefusalCodes.ClaimAlreadyDecided, RefusalCodes.ClaimNotEligible, RefusalCodes.ClaimNotChargeable, RefusalCodes.SecurityFundShort,
                RefusalCodes.RefundExceedsPayment, RefusalCodes.InsufficientFunds, RefusalCodes.WalletClosed, RefusalCodes.MovementInDoubt, RefusalCodes.InvalidText)
            .WithIdempotencyKey(required: false);
        ops.MapGet("/security-fund", Fund).WithName("GetSecurityFund");
        ops.MapPost("/security-fund/deposits", Deposit).WithName("DepositIntoSecurityFund").MayRefuse(RefusalCodes.MovementInDoubt).WithIdempotencyKey(required: true);
        return routes;
    }

    /// <summary>Undecided claims, oldest first (the longest waiting at the top), each with its evidence.</summary>
    public static async Task<Results<Ok<ClaimQueueResponse>, ValidationProblem>> Queue(IGrainFactory grains, TimeProvider clock, [AsParameters] PageRequest page)
    {
        if (new FieldErrors().TextPage(page, out var size, out var after).Problem is { } invalid)
        {
            return invalid;
        }
        var listed = await grains.GetGrain<IClaimQueueGrain>(0).List(after, size);
        var views = await Task.WhenAll(listed.ClaimIds.Select(id => grains.GetGrain<IClaimGrain>(id).Get()));
        var now = clock.GetUtcNow();
        return TypedResults.Ok(new ClaimQueueResponse([.. views.OfType<ClaimView>().Select(v => OpsClaimResponse.Of(v, now))], listed.Waiting,
            listed.NextAfter is { } next ? Paging.TextCursor(next) : null));
    }

    /// <param name="id">The claim's id (<c>clm_…</c>).</param>
    public static async Task<Ok<OpsClaimResponse>> Get(string id, IGrainFactory grains, TimeProvider clock)
        => TypedResults.Ok(OpsClaimResponse.Of(await Claim(grains, id).Get() ?? throw WalletRefusedException.NotFound("The claim"), clock.GetUtcNow()));

    /// <summary>The calling operator takes the claim.</summary>
    /// <param name="id">The claim's id (<c>clm_…</c>).</param>
    public static async Task<Ok<OpsClaimResponse>> Assign(string id, ClaimsPrincipal user, IGrainFactory grains, TimeProvider clock)
    {
        await Exists(grains, id);
        return TypedResults.Ok(OpsClaimResponse.Of(await Claim(grains, id).Assign(user.CustomerId()), clock.GetUtcNow()));
    }

    /// <summary>Asks the customer a question: it reaches their inbox, and they answer on the claim.</summary>
    /// <param name="id">The claim's id (<c>clm_…</c>).</param>
    public static async Task<Results<Ok<OpsClaimResponse>, ValidationProblem>> Ask(string id, ClaimTextRequest body, ClaimsPrincipal user, IGrainFactory grains, TimeProvider clock)
    {
        if (new FieldErrors().Text(body.Text, "text", 1000).Problem is { } invalid)
        {
            return invalid;
        }
        await Exists(grains, id);
        return TypedResults.Ok(OpsClaimResponse.Of(await Claim(grains, id).Ask(user.CustomerId(), body.Text!), clock.GetUtcNow()));
    }

    /// <summary>
    /// Decides the claim, once. <c>upheld_chargeback</c> takes a merchant payment back from the merchant (a refund it cannot refuse;
    /// its webhook is <c>refund.chargeback</c>); <c>upheld_fund</c> has the security fund pay the customer; <c>rejected</c> needs a reason.
    /// The same decision sent again answers as the first did (marked <c>Idempotent-Replayed</c>), whoever sends it and however
    /// many at once; another decision after it is <c>claim_already_decided</c>. A decision whose payment was refused (the fund
    /// short, the merchant's wallet short) leaves the claim undecided.
    /// </summary>
    /// <param name="id">The claim's id (<c>clm_…</c>).</param>
    public static async Task<Results<Ok<OpsClaimResponse>, ValidationProblem>> Decide(string id, DecideClaimRequest body, HttpContext context, ClaimsPrincipal user,
        IGrainFactory grains, TimeProvider clock)
    {
        var (_, keyProblem) = IdempotencyKeys.Read(context, required: false);
        var outcome = QueryValues.Named<ClaimOutcome>(body.Outcome, out var outcomeOk);
        var errors = new FieldErrors()
            .Check(body.Outcome is not null && outcomeOk, "outcome", $"Use one of {QueryValues.NamesOf<ClaimOutcome>()}.")
            .Text(body.Reason, "reason", 500, required: outcome == ClaimOutcome.Rejected)
            .Check(body.Amount is null || outcome == ClaimOutcome.UpheldFund, "amount", "Only upheld_fund takes an amount.");
        if (body.Amount is not null)
        {
            errors.Amount(body.Amount);
        }
        if ((keyProblem ?? errors.Problem) is { } invalid)
        {
            return invalid;
        }
        await Exists(grains, id);
        var answer = await Claim(grains, id).Decide(user.CustomerId(), new ClaimDecisionRequest(outcome!.Value, body.Reason, body.Amount));
        IdempotencyKeys.MarkReplay(context, answer.Replayed);
        return TypedResults.Ok(OpsClaimResponse.Of(answer.Claim, clock.GetUtcNow()));
    }

    /// <summary>The security fund in one currency: its balance from the books, what was deposited and what it paid.</summary>
    /// <param name="currency">ISO 4217 code; CNY when left out.</param>
    public static async Task<Results<Ok<FundOverviewResponse>, ValidationProblem>> Fund(IGrainFactory grains, string? currency = null)
    {
        if (new FieldErrors().Currency(currency ?? "CNY").Problem is { } invalid)
        {
            return invalid;
        }
        return TypedResults.Ok(FundOverviewResponse.Of(await grains.GetGrain<ISecurityFundGrain>(currency ?? "CNY").GetOverview()));
    }

    /// <summary>
    /// Moves the bank's own money into the security fund: its capital account pays, the fund receives, in one transaction.
    /// 201 when made; the same key and body again answer with the same deposit (marked <c>Idempotent-Replayed</c>).
    /// </summary>
    public static async Task<Results<Created<FundDepositResponse>, ValidationProblem>> Deposit(FundDepositRequest body, HttpContext context, ClaimsPrincipal user, IGrainFactory grains)
    {
        var (request, keyProblem) = IdempotencyKeys.Read(context, required: true);
        if ((keyProblem ?? new FieldErrors().Amount(body.Amount).Currency(body.Currency).Problem) is { } invalid)
        {
            return invalid;
        }
        var operatorId = user.CustomerId();
        var depositId = Identity.Ids.ForIdempotencyKey(Identity.IdPrefixes.FundDeposit, operatorId, request!.Key);
        var answer = await grains.GetGrain<ISecurityFundDepositGrain>(depositId).Deposit(operatorId, request.Fingerprint, body.Amount!.Value, body.Currency!);
        IdempotencyKeys.MarkReplay(context, answer.Replayed);
        var d = answer.Deposit;
        return TypedResults.Created("/v1/ops/security-fund", new FundDepositResponse(d.DepositId, d.OperatorId, d.Amount, d.Currency, d.At));
    }

    private static IClaimGrain Claim(IGrainFactory grains, string id)
        => id.StartsWith(Identity.IdPrefixes.Claim + "_", StringComparison.Ordinal) ? grains.GetGrain<IClaimGrain>(id) : throw WalletRefusedException.NotFound("The claim");

    /// <summary>A claim id that was never opened is not found, rather than a claim made up for it.</summary>
    private static async Task Exists(IGrainFactory grains, string id)
    {
        if (await Claim(grains, id).Get() is null)
        {
            throw WalletRefusedException.NotFound("The claim");
        }
    }
}
