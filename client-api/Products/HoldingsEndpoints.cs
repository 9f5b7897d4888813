using System.Security.Claims;
using Wallet.ClientApi.Contract;
using Wallet.ClientApi.Hosting;
using Wallet.ClientApi.Http;
using Wallet.ClientApi.Wallets;
using Wallet.ClientApi.Movements;
using Wallet.Movements;
using Wallet.Products;
using Wallet.Refusals;

namespace Wallet.ClientApi.Products;

/// <summary>A customer's holdings of the bank's products, redeeming them, and the risk assessment that buying above R1 needs.</summary>
public static class HoldingsEndpoints
{
    public static IEndpointRouteBuilder MapHoldings(this IEndpointRouteBuilder routes)
    {
        var holdings = routes.MapGroup("/v1/holdings").WithTags("Wealth and deposits").RequireAuthorization().AddEndpointFilter<WellFormedIdFilter>();
        holdings.MapGet("", List).WithName("ListHoldings");
        holdings.MapGet("/{id}", Get).WithName("GetHolding");
        holdings.MapPost("/{id}/redemptions", Redeem).WithName("RedeemHolding").MayRefuse(CommonRefusals.MoneyIn)
            .MayRefuse(RefusalCodes.NotRedeemable, RefusalCodes.ExceedsHolding, RefusalCodes.HoldingClosed, RefusalCodes.RecipientNotFound, RefusalCodes.IdempotencyKeyReused)
            .WithIdempotencyKey(required: true).RequireRateLimiting(RateLimitSetup.Money);

        routes.MapGroup("/v1/risk-questionnaire").WithTags("Wealth and deposits").RequireAuthorization().MapGet("", Questionnaire).WithName("GetRiskQuestionnaire");
        var me = routes.MapGroup("/v1/me").WithTags("Wealth and deposits").RequireAuthorization();
        me.MapGet("/risk-assessment", Assessment).WithName("GetRiskAssessment").MayRefuse(RefusalCodes.NotFound);
        me.MapPut("/risk-assessment", Assess).WithName("TakeRiskAssessment");
        return routes;
    }

    /// <summary>The caller's holdings, newest first, each through its last recorded day.</summary>
    public static async Task<Ok<Page<HoldingResponse>>> List(ClaimsPrincipal user, IGrainFactory grains)
    {
        var customerId = user.CustomerId();
        var ids = await grains.GetGrain<ICustomerHoldingsGrain>(customerId).List();
        var views = await Task.WhenAll(ids.Select(id => grains.GetGrain<IHoldingGrain>(id).View(customerId)));
        return TypedResults.Ok(new Page<HoldingResponse>([.. views.OfType<HoldingView>().Select(HoldingResponse.Of)], null));
    }

    /// <param name="id">The holding (<c>hld_…</c>), one of the caller's.</param>
    public static async Task<Ok<HoldingResponse>> Get(string id, ClaimsPrincipal user, IGrainFactory grains)
        => TypedResults.Ok(HoldingResponse.Of(await grains.GetGrain<IHoldingGrain>(id).View(user.CustomerId()) ?? throw WalletRefusedException.NotFound("The holding")));

    /// <summary>
    /// Pays money out of the holding into a wallet of the caller's: any amount of a fund, any day; a deposit whole (before its
    /// term at the demand rate); a wealth product not before it matures (it pays back by itself then). The days earned are
    /// recorded first. 201 with the redemption; a refusal moves nothing.
    /// </summary>
    /// <param name="id">The holding (<c>hld_…</c>), one of the caller's.</param>
    public static async Task<Results<Created<RedemptionResponse>, ProblemHttpResult, ValidationProblem>> Redeem(
        string id, RedeemRequest body, HttpContext context, ClaimsPrincipal user, IGrainFactory grains)
    {
        var (request, keyProblem) = IdempotencyKeys.Read(context, required: true);
        var problem = new FieldErrors().Id(body.ToWalletId, "toWalletId", required: false);
        if (body.Amount is not null)
        {
            problem = problem.Amount(body.Amount);
        }
        if ((keyProblem ?? problem.Problem) is { } invalid)
        {
            return invalid;
        }
        var customerId = user.CustomerId();
        var receipt = await MovementResults.GrainFor<IProductRedemptionGrain>(grains, Workflow.ProductRedemption, customerId, request!)
            .Redeem(new ProductRedemptionOrder(customerId, request!.Fingerprint, id, body.Amount, body.ToWalletId));
        MovementResults.MarkReplay(context, receipt);
        return receipt.Status switch
        {
            MovementStatus.Completed => TypedResults.Created($"/v1/holdings/{receipt.HoldingId}", RedemptionResponse.Of(receipt)),
            MovementStatus.Refused => MovementResults.Refusal(receipt),
            MovementStatus.PendingConfirmation or MovementStatus.Authorized or MovementStatus.Voided or MovementStatus.HeldForReview or MovementStatus.AwaitingApproval => throw MovementResults.NeverEndsIn(receipt),
        };
    }

    /// <summary>The risk questionnaire's questions and answers, in the order the answers are given.</summary>
    public static Ok<RiskQuestionnaireResponse> Questionnaire()
        => TypedResults.Ok(new RiskQuestionnaireResponse([.. RiskQuestionnaire.Questions.Select(q => new RiskQuestionResponse(q.Id, q.Text, q.Answers))],
            (int)RiskQuestionnaire.ValidFor.TotalDays));

    /// <summary>The caller's risk assessment, standing or not; 404 when they never took it.</summary>
    public static async Task<Ok<RiskAssessmentResponse>> Assessment(ClaimsPrincipal user, IGrainFactory grains, TimeProvider clock)
        => TypedResults.Ok(RiskAssessmentResponse.Of(await grains.GetGrain<IRiskAssessmentGrain>(user.CustomerId()).Current()
            ?? throw WalletRefusedException.NotFound("The risk assessment"), clock.GetUtcNow()));

    /// <summary>Scores the answers into a tolerance C1 to C5 that stands for a year; taking it again replaces it.</summary>
    public static async Task<Results<Ok<RiskAssessmentResponse>, ValidationProblem>> Assess(RiskAssessmentRequest body, ClaimsPrincipal user, IGrainFactory grains, TimeProvider clock)
    {
        if (new FieldErrors().Required(body.Answers, "answers")
            .Check(body.Answers is null || RiskQuestionnaire.ToleranceOf(body.Answers) is not null, "answers",
                $"Give one answer per question ({RiskQuestionnaire.Questions.Count}), in order, each 1 to 5.").Problem is { } invalid)
        {
            return invalid;
        }
        return TypedResults.Ok(RiskAssessmentResponse.Of(await grains.GetGrain<IRiskAssessmentGrain>(user.CustomerId()).Assess(body.Answers!), clock.GetUtcNow()));
    }
}
