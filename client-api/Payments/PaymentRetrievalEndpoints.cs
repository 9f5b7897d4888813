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
    /// <param name="id">The payment's id (<c>mv_…</c>), one the customer made.</param>
    public static async Task<Ok<PaymentResponse>> Get(string id, ClaimsPrincipal user, IGrainFactory grains)
        => TypedResults.Ok(PaymentResponse.Of(await grains.GetGrain<IMovementGrain>(id).FindForPayer(user.CustomerId())
            ?? throw WalletRefusedException.NotFound("The payment")));
}
