using System.Security.Claims;
using Wallet.ClientApi.Contract;
using Wallet.ClientApi.Http;
using Wallet.Credit;
using Wallet.Identity;
using Wallet.Refusals;

namespace Wallet.ClientApi.Credit;

/// <summary>Credit-card applications (信用卡申请): decided by the bank's scoring model; approved, a new card bound to the customer.</summary>
public static class CreditCardApplicationsEndpoints
{
    public static IEndpointRouteBuilder MapCreditCardApplications(this IEndpointRouteBuilder routes)
    {
        var applications = routes.MapGroup("/v1/credit-cards/applications").WithTags("Credit").RequireAuthorization();
        applications.MapPost("", Apply).WithName("ApplyForCreditCard")
            .MayRefuse(RefusalCodes.IdempotencyKeyReused, RefusalCodes.IntegrationUnavailable, RefusalCodes.CardBoundElsewhere).WithIdempotencyKey(required: true);
        applications.MapGet("/{id}", Get).WithName("GetCreditCardApplication").AddEndpointFilter<WellFormedIdFilter>();
        return routes;
    }

    /// <summary>
    /// Applies for a credit card: decided at once by the same scoring model as a loan (its limit is the card's credit limit).
    /// 201 with the application: <c>approved</c> with the new card, issued in the verified name and bound to the caller like a
    /// card they bring (the bank texts a code to the phone; <c>POST /v1/cards/{id}/verify</c> confirms it, and it then tops up
    /// like any card); or <c>declined</c> with the reasons.
    /// </summary>
    public static async Task<Results<Created<CreditCardApplicationResponse>, ValidationProblem>> Apply(HttpContext context, ClaimsPrincipal user, IGrainFactory grains)
    {
        var (request, keyProblem) = IdempotencyKeys.Read(context, required: true);
        if (keyProblem is { } invalid)
        {
            return invalid;
        }
        var customerId = user.CustomerId();
        var applicationId = Ids.ForIdempotencyKey(IdPrefixes.CreditCardApplication, customerId, request!.Key);
        var applied = await grains.GetGrain<ICreditCardApplicationGrain>(applicationId).Apply(customerId, request);
        IdempotencyKeys.MarkReplay(context, applied.Replayed);
        return TypedResults.Created($"/v1/credit-cards/applications/{applicationId}", CreditCardApplicationResponse.Of(applied.Value));
    }

    /// <param name="id">The application (<c>cca_…</c>); only its applicant sees it.</param>
    public static async Task<Ok<CreditCardApplicationResponse>> Get(string id, ClaimsPrincipal user, IGrainFactory grains)
        => id.StartsWith(IdPrefixes.CreditCardApplication + "_", StringComparison.Ordinal)
            ? TypedResults.Ok(CreditCardApplicationResponse.Of(await grains.GetGrain<ICreditCardApplicationGrain>(id).Get(user.CustomerId())))
            : throw WalletRefusedException.NotFound("The application");
}
