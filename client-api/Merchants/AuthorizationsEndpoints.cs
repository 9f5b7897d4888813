using System.Security.Claims;
using Wallet.ClientApi.Contract;
using Wallet.ClientApi.Hosting;
using Wallet.ClientApi.Http;
using Wallet.ClientApi.Movements;
using Wallet.Movements;
using Wallet.Refusals;

namespace Wallet.ClientApi.Merchants;

/// <summary>Authorise now, capture later: money held on the payment code's wallet, captured in whole or part, voided, or expiring.</summary>
public static class AuthorizationsEndpoints
{
    public static IEndpointRouteBuilder MapAuthorizations(this IEndpointRouteBuilder routes)
    {
        var authorizations = routes.MapGroup("/v1/merchant/authorizations").WithTags("Merchants")
            .RequireAuthorization(AuthSetup.MerchantPolicy).AddEndpointFilter<WellFormedIdFilter>();
        authorizations.MapPost("", Authorize).WithName("AuthorizePaymentCode").MayRefuse(CommonRefusals.PaymentCodeCharge).MayRefuse(CommonRefusals.WalletStatus)
            .MayRefuse(CommonRefusals.PayerStanding).MayRefuse(RefusalCodes.NotFound, RefusalCodes.InsufficientFunds, RefusalCodes.MovementInDoubt, RefusalCodes.CurrencyMismatch).RequireRateLimiting(RateLimitSetup.Money);
        authorizations.MapPost("/{id}/capture", Capture).WithName("CaptureAuthorization").MayRefuse(CommonRefusals.MoneyOut).MayRefuse(CommonRefusals.MoneyIn)
            .MayRefuse(RefusalCodes.NotPending, RefusalCodes.AuthorizationExpired).RequireRateLimiting(RateLimitSetup.Money);
        authorizations.MapPost("/{id}/void", Void).WithName("VoidAuthorization").MayRefuse(RefusalCodes.NotPending, RefusalCodes.AuthorizationExpired, RefusalCodes.MovementInDoubt);
        return routes;
    }

    /// <summary>Holds the amount in the customer's wallet (its <c>available</c> drops); idempotent per merchant order id.</summary>
    [AnswersReplays]
    public static async Task<Results<Created<AuthorizationResponse>, ProblemHttpResult, ValidationProblem>> Authorize(
        ChargeRequest body, HttpContext context, ClaimsPrincipal merchant, IGrainFactory grains)
    {
        if (ChargesEndpoints.Validate(body, await ChargesEndpoints.CurrencyOf(merchant, grains)) is { } invalid)
        {
            return invalid;
        }
        var merchantId = merchant.CustomerId();
        var receipt = await grains.GetGrain<IAuthorisationGrain>(MovementIds.For(Workflow.Authorisation, merchantId, body.OrderId!))
            .Authorize(new AuthorizationOrder(merchantId, RequestBodyBuffer.FingerprintOf(context), body.PaymentCode!, body.Amount!.Value, body.Currency!, body.OrderId!));
        MovementResults.MarkReplay(context, receipt);
        // Refused when asked: the refusal. Otherwise the authorisation as it stands now — held, or on a replay after it was
        // captured, voided or let go, that — under the same 201 as when it was made.
        return receipt.Status == MovementStatus.Refused
            ? MovementResults.Refusal(receipt)
            : TypedResults.Created($"/v1/merchant/authorizations/{receipt.MovementId}", AuthorizationResponse.Of(receipt));
    }

    /// <summary>Captures up to the authorised amount; the rest of the hold goes back to the customer's available money.</summary>
    /// <param name="id">The authorisation's id (<c>au_…</c>).</param>
    public static async Task<Results<Ok<AuthorizationResponse>, ProblemHttpResult, ValidationProblem>> Capture(
        string id, RefundRequest body, ClaimsPrincipal merchant, IGrainFactory grains)
    {
        if (new FieldErrors().Amount(body.Amount).Problem is { } invalid)
        {
            return invalid;
        }
        var receipt = await Authorisation(grains, id).Capture(merchant.CustomerId(), body.Amount!.Value);
        return receipt switch
        {
            { Status: MovementStatus.Completed } => TypedResults.Ok(AuthorizationResponse.Of(receipt)),
            { Refusal: not null } => MovementResults.Refusal(receipt),
            _ => Problems.For(Refusals.RefusalCodes.NotPending, "The authorisation was voided."),
        };
    }

    /// <param name="id">The authorisation's id (<c>au_…</c>).</param>
    public static async Task<Results<Ok<AuthorizationResponse>, ProblemHttpResult>> Void(string id, ClaimsPrincipal merchant, IGrainFactory grains)
    {
        var receipt = await Authorisation(grains, id).Void(merchant.CustomerId());
        return receipt switch
        {
            { Status: MovementStatus.Voided, Refusal: null } => TypedResults.Ok(AuthorizationResponse.Of(receipt)),
            { Refusal: not null } => MovementResults.Refusal(receipt),
            _ => Problems.For(Refusals.RefusalCodes.NotPending, "The authorisation was already captured."),
        };
    }

    /// <summary>The authorisation an id names; any other id names none.</summary>
    internal static IAuthorisationGrain Authorisation(IGrainFactory grains, string id)
        => MovementIds.WorkflowOf(id) == Workflow.Authorisation ? grains.GetGrain<IAuthorisationGrain>(id) : throw Refusals.WalletRefusedException.NotFound("The authorisation");
}

/// <summary>A hold on a customer's money for a merchant, until it is captured, voided or expires.</summary>
/// <param name="AuthorizationId">The authorisation's id (<c>au_…</c>).</param>
/// <param name="Status"><c>authorized</c> while the money is held, <c>completed</c> once captured, <c>voided</c> once let go (by the merchant or on expiry).</param>
/// <param name="From">The payer's wallet the money is held in (<c>walletId</c>).</param>
/// <param name="To">The merchant holding the money (<c>merchantId</c>).</param>
/// <param name="OrderId">The merchant's order id, or null.</param>
/// <param name="Amount">The amount held, an integer in minor units of the currency (fen for CNY).</param>
/// <param name="Captured">What was taken of it, an integer in minor units of the currency (fen for CNY); null until captured.</param>
/// <param name="Currency">ISO 4217 code of the amounts.</param>
/// <param name="CreatedAt">When the hold was placed, UTC, ISO 8601.</param>
/// <param name="ExpiresAt">When an uncaptured hold lets go by itself, UTC, ISO 8601; null once it is no longer held.</param>
public sealed record AuthorizationResponse(string AuthorizationId, MovementStatus Status, Party From, Party To, string? OrderId, long Amount, long? Captured,
    string Currency, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt)
{
    public static AuthorizationResponse Of(AuthorisationReceipt r)
    {
        var (from, to) = Party.Of(r);
        return new(r.MovementId, r.Status, from, to, r.OrderId, r.Authorised, r.Captured, r.Currency, r.CreatedAt, r.ExpiresAt);
    }
}
