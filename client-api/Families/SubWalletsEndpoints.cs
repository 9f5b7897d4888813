using System.Security.Claims;
using Wallet.ClientApi.Contract;
using Wallet.ClientApi.Hosting;
using Wallet.ClientApi.Http;
using Wallet.ClientApi.Movements;
using Wallet.Families;
using Wallet.Movements;
using Wallet.Refusals;

namespace Wallet.ClientApi.Families;

/// <summary>
/// Sub-wallets (子钱包): opened in a member's name by the family's owner or a guardian, topped up from their wallets,
/// governed by their rules; the member pays merchants from it with <c>POST /v1/payments</c> or a payment code, as from any wallet.
/// </summary>
public static class SubWalletsEndpoints
{
    public static IEndpointRouteBuilder MapSubWallets(this IEndpointRouteBuilder routes)
    {
        routes.MapGroup("/v1/families").WithTags("Families").RequireAuthorization().AddEndpointFilter<WellFormedIdFilter>()
            .MapPost("/{id}/sub-wallets", Open).WithName("OpenSubWallet")
            .MayRefuse(RefusalCodes.FamilyRoleRequired, RefusalCodes.CurrencyNotSupported, RefusalCodes.IdempotencyKeyReused).WithIdempotencyKey(required: true);
        var subWallets = routes.MapGroup("/v1/sub-wallets").WithTags("Families").RequireAuthorization().AddEndpointFilter<WellFormedIdFilter>();
        subWallets.MapGet("/{id}", Get).WithName("GetSubWallet");
        subWallets.MapPut("/{id}/rules", ChangeRules).WithName("ChangeSubWalletRules").MayRefuse(RefusalCodes.FamilyRoleRequired);
        subWallets.MapPost("/{id}/freeze", Freeze).WithName("FreezeSubWallet").MayRefuse(RefusalCodes.FamilyRoleRequired);
        subWallets.MapPost("/{id}/unfreeze", Unfreeze).WithName("UnfreezeSubWallet").MayRefuse(RefusalCodes.FamilyRoleRequired);
        subWallets.MapPost("/{id}/top-ups", TopUp).WithName("TopUpSubWallet").MayRefuse(CommonRefusals.PayerAuthorisation).MayRefuse(CommonRefusals.MoneyOut)
            .MayRefuse(CommonRefusals.MoneyIn).MayRefuse(RefusalCodes.FamilyRoleRequired).WithIdempotencyKey(required: true).RequireRateLimiting(RateLimitSetup.Money);
        subWallets.MapPost("/{id}/take-backs", TakeBack).WithName("TakeBackFromSubWallet").MayRefuse(CommonRefusals.Spending).MayRefuse(CommonRefusals.MoneyIn)
            .MayRefuse(RefusalCodes.FamilyRoleRequired, RefusalCodes.NothingToTakeBack).WithIdempotencyKey(required: true).RequireRateLimiting(RateLimitSetup.Money);
        return routes;
    }

    /// <summary>201 with the sub-wallet, empty until topped up; the same request again (same <c>Idempotency-Key</c>) answers it again.</summary>
    /// <param name="id">The family (<c>fam_…</c>); the caller is its owner or a guardian.</param>
    public static async Task<Results<Created<SubWalletResponse>, ValidationProblem>> Open(
        string id, OpenSubWalletRequest body, HttpContext context, ClaimsPrincipal user, IGrainFactory grains)
    {
        var (request, keyProblem) = IdempotencyKeys.Read(context, required: true);
        var errors = new FieldErrors().Id(body.MemberId, "memberId").Currency(body.Currency);
        if ((keyProblem ?? body.Rules?.Check(errors).Problem ?? errors.Problem) is { } invalid)
        {
            return invalid;
        }
        var customerId = user.CustomerId();
        var subWalletId = Identity.Ids.ForIdempotencyKey(Identity.IdPrefixes.SubWallet, customerId, request!.Key);
        var opened = await grains.GetGrain<ISubWalletGrain>(subWalletId).Open(
            new SubWalletOpening(id, customerId, body.MemberId!, body.Currency!, body.Rules?.ToRules() ?? new SubWalletRules(), request));
        IdempotencyKeys.MarkReplay(context, opened.Replayed);
        return TypedResults.Created($"/v1/sub-wallets/{subWalletId}", SubWalletResponse.Of(opened.Value));
    }

    /// <param name="id">The sub-wallet (<c>sw_…</c>); the caller is its family's owner, a guardian, or its member.</param>
    public static async Task<Ok<SubWalletResponse>> Get(string id, ClaimsPrincipal user, IGrainFactory grains)
        => TypedResults.Ok(SubWalletResponse.Of(await grains.GetGrain<ISubWalletGrain>(id).View(user.CustomerId())));

    /// <summary>The rules from the next payment on; a payment under way keeps those it met.</summary>
    /// <param name="id">The sub-wallet (<c>sw_…</c>); the caller is its family's owner or a guardian.</param>
    public static async Task<Results<Ok<SubWalletResponse>, ValidationProblem>> ChangeRules(
        string id, SubWalletRulesBody body, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (body.Check(new FieldErrors(), prefix: "").Problem is { } invalid)
        {
            return invalid;
        }
        return TypedResults.Ok(SubWalletResponse.Of(await grains.GetGrain<ISubWalletGrain>(id).ChangeRules(user.CustomerId(), body.ToRules())));
    }

    /// <summary>No payment passes until it is unfrozen; the family can still top it up and take back.</summary>
    /// <param name="id">The sub-wallet (<c>sw_…</c>); the caller is its family's owner or a guardian.</param>
    public static async Task<Ok<SubWalletResponse>> Freeze(string id, ClaimsPrincipal user, IGrainFactory grains)
        => TypedResults.Ok(SubWalletResponse.Of(await grains.GetGrain<ISubWalletGrain>(id).SetFrozen(user.CustomerId(), frozen: true)));

    /// <param name="id">The sub-wallet (<c>sw_…</c>); the caller is its family's owner or a guardian.</param>
    public static async Task<Ok<SubWalletResponse>> Unfreeze(string id, ClaimsPrincipal user, IGrainFactory grains)
        => TypedResults.Ok(SubWalletResponse.Of(await grains.GetGrain<ISubWalletGrain>(id).SetFrozen(user.CustomerId(), frozen: false)));

    /// <summary>201 when the money is in the sub-wallet; a refusal is a problem with its code, and nothing moved.</summary>
    /// <param name="id">The sub-wallet (<c>sw_…</c>); the caller is its family's owner or a guardian.</param>
    public static async Task<Results<Created<FamilyMovementResponse>, ProblemHttpResult, ValidationProblem>> TopUp(
        string id, FamilyTopUpRequest body, HttpContext context, ClaimsPrincipal user, IGrainFactory grains)
    {
        var (request, keyProblem) = IdempotencyKeys.Read(context, required: true);
        if ((keyProblem ?? new FieldErrors().Id(body.FromWalletId, "fromWalletId").Amount(body.Amount).Authorisation(body.Pin, body.DeviceSignature).Problem) is { } invalid)
        {
            return invalid;
        }
        var customerId = user.CustomerId();
        var receipt = await MovementResults.GrainFor<IFamilyTopUpGrain>(grains, Workflow.FamilyTopUp, customerId, request!).TopUp(new FamilyTopUpOrder(
            customerId, request!.Fingerprint, id, body.FromWalletId!, body.Amount!.Value, DeviceSignatureBody.From(body.Pin, body.DeviceSignature, request.Key)));
        MovementResults.MarkReplay(context, receipt);
        return Answer(receipt, FamilyMovementResponse.Of(receipt));
    }

    /// <summary>201 when everything left in the sub-wallet is back in the caller's wallet.</summary>
    /// <param name="id">The sub-wallet (<c>sw_…</c>); the caller is its family's owner or a guardian.</param>
    public static async Task<Results<Created<FamilyMovementResponse>, ProblemHttpResult, ValidationProblem>> TakeBack(
        string id, TakeBackRequest body, HttpContext context, ClaimsPrincipal user, IGrainFactory grains)
    {
        var (request, keyProblem) = IdempotencyKeys.Read(context, required: true);
        if ((keyProblem ?? new FieldErrors().Id(body.ToWalletId, "toWalletId").Problem) is { } invalid)
        {
            return invalid;
        }
        var customerId = user.CustomerId();
        var receipt = await MovementResults.GrainFor<IFamilyTakeBackGrain>(grains, Workflow.FamilyTakeBack, customerId, request!)
            .TakeBack(new FamilyTakeBackOrder(customerId, request!.Fingerprint, id, body.ToWalletId!));
        MovementResults.MarkReplay(context, receipt);
        return Answer(receipt, FamilyMovementResponse.Of(receipt));
    }

    private static Results<Created<FamilyMovementResponse>, ProblemHttpResult, ValidationProblem> Answer(MovementOutcome receipt, FamilyMovementResponse response)
        => receipt.Status switch
        {
            MovementStatus.Completed => TypedResults.Created($"/v1/sub-wallets/{response.SubWalletId}", response),
            MovementStatus.Refused => MovementResults.Refusal(receipt),
            MovementStatus.PendingConfirmation or MovementStatus.Authorized or MovementStatus.Voided or MovementStatus.HeldForReview or MovementStatus.AwaitingApproval => throw MovementResults.NeverEndsIn(receipt),
        };
}
