using System.Security.Claims;
using Wallet.ClientApi.Http;
using Wallet.Movements;
using Wallet.Refusals;

namespace Wallet.ClientApi.Payments;

/// <summary>A customer retrieves a payment they made to a merchant.</summary>
public static class PaymentRetrievalEndpoints
{
    public static IEndpointRouteBuilder MapPaymentRetrieval(this IEndpointRouteBuilder routes)
    {
        routes.MapGroup("/v1/payments").WithTags("Paying merchants").RequireAuthorization().AddEndpointFilter<WellFormedIdFilter>()
            .MapGet("/{id}", Get).WithName("GetPayment");
        return routes;
    }

    /// <summary>
    /// A QR payment the customer sent (in any state), or a merchant's charge or authorisation of their payment code
    /// (pending, completed, voided or refused).
    /// </summary>
    /// <param name="id">The payment's id (<c>py_…</c>, <c>ch_…</c> or <c>au_…</c>), one the customer made.</param>
    public static async Task<Ok<PaymentResponse>> Get(string id, ClaimsPrincipal user, IGrainFactory grains)
    {
        var payerId = user.CustomerId();
        var found = MovementIds.WorkflowOf(id) switch
        {
            Workflow.QrPayment when await grains.GetGrain<IQrPaymentGrain>(id).Find(payerId) is { } paid && paid.PayerId == payerId => PaymentResponse.Of(paid),
            Workflow.Charge when await grains.GetGrain<IChargeGrain>(id).Find(payerId) is { } charged && charged.PayerId == payerId => PaymentResponse.Of(charged),
            Workflow.Authorisation when await grains.GetGrain<IAuthorisationGrain>(id).Find(payerId) is { } held && held.PayerId == payerId => PaymentResponse.Of(held),
            _ => null,
        };
        return TypedResults.Ok(found ?? throw WalletRefusedException.NotFound("The payment"));
    }
}
