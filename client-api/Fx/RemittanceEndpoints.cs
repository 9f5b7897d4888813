using System.Security.Claims;
using Wallet.ClientApi.Contract;
using Wallet.ClientApi.Hosting;
using Wallet.ClientApi.Http;
using Wallet.ClientApi.Movements;
using Wallet.Fx;
using Wallet.Movements;
using Wallet.Refusals;

namespace Wallet.ClientApi.Fx;

/// <summary>Remittances abroad: send to an account at a foreign bank, and see where it stands.</summary>
public static class RemittanceEndpoints
{
    public static IEndpointRouteBuilder MapRemittances(this IEndpointRouteBuilder routes)
    {
        var remittances = routes.MapGroup("/v1/remittances").WithTags("Currencies and FX").RequireAuthorization().AddEndpointFilter<WellFormedIdFilter>();
        remittances.MapPost("", Send).WithName("SendRemittance").MayRefuse(CommonRefusals.PayerAuthorisation).MayRefuse(CommonRefusals.MoneyOut)
            .MayRefuse(RefusalCodes.CurrencyNotSupported, RefusalCodes.FxQuotaExceeded, RefusalCodes.IntegrationUnavailable)
            .WithIdempotencyKey(required: true).RequireRateLimiting(RateLimitSetup.Money);
        remittances.MapGet("/{id}", Get).WithName("GetRemittance");
        return routes;
    }

    /// <summary>
    /// Sends money to an account abroad, with the payment PIN or a device signature. In one transaction the wallet pays
    /// the amount (converted at the bank's buy rate of the moment, rounded up, when it is in another currency) and the
    /// fee, and a purchase of foreign currency with CNY is drawn on the annual quota; then the correspondent bank is told.
    /// 201 once the correspondent has taken it (<c>remittanceStatus</c> <c>sent</c>); 202 while it has not answered
    /// (<c>accepted</c>: it is asked again) or risk control holds it for review. A refusal moves nothing.
    /// </summary>
    public static async Task<Results<Created<RemittanceResponse>, Accepted<RemittanceResponse>, ProblemHttpResult, ValidationProblem>> Send(
        RemittanceRequest body, HttpContext context, ClaimsPrincipal user, IGrainFactory grains)
    {
        var (request, keyProblem) = IdempotencyKeys.Read(context, required: true);
        var errors = new FieldErrors().Id(body.WalletId, "walletId").Amount(body.Amount).Currency(body.Currency).Required(body.Purpose, "purpose")
            .Required(body.Beneficiary, "beneficiary").Authorisation(body.Pin, body.DeviceSignature);
        var beneficiary = body.Beneficiary is { } b ? new Beneficiary(b.Name!, b.BankCode!, b.Account!) : null;
        foreach (var (field, message) in beneficiary?.Problems() ?? new Dictionary<string, string>())
        {
            errors.Check(false, field, message);
        }
        if ((keyProblem ?? errors.Problem) is { } invalid)
        {
            return invalid;
        }
        var customerId = user.CustomerId();
        var sent = await MovementResults.GrainFor<IRemittanceGrain>(grains, Workflow.Remittance, customerId, request!).Send(new RemittanceOrder(customerId,
            request!.Fingerprint, body.WalletId!, body.Amount!.Value, body.Currency!, beneficiary!, body.Purpose!.Value, DeviceSignatureBody.From(body.Pin, body.DeviceSignature, request.Key)));
        MovementResults.MarkReplay(context, sent.Receipt);
        var location = $"/v1/remittances/{sent.Receipt.MovementId}";
        return sent.Receipt.Status switch
        {
            MovementStatus.Completed when sent.Leg is { Status: RemittanceStatus.Accepted } => TypedResults.Accepted(location, RemittanceResponse.Of(sent)),
            MovementStatus.Completed => TypedResults.Created(location, RemittanceResponse.Of(sent)),
            MovementStatus.HeldForReview => TypedResults.Accepted(location, RemittanceResponse.Of(sent)),
            MovementStatus.Refused => MovementResults.Refusal(sent.Receipt),
            MovementStatus.PendingConfirmation or MovementStatus.Authorized or MovementStatus.Voided or MovementStatus.AwaitingApproval => throw MovementResults.NeverEndsIn(sent.Receipt),
        };
    }

    /// <summary>A remittance the caller sent, where it stands with the correspondent now, and its return if it came back.</summary>
    /// <param name="id">The remittance (<c>rm_…</c>).</param>
    public static async Task<Ok<RemittanceResponse>> Get(string id, ClaimsPrincipal user, IGrainFactory grains)
    {
        var found = MovementIds.WorkflowOf(id) == Workflow.Remittance ? await grains.GetGrain<IRemittanceGrain>(id).Find(user.CustomerId()) : null;
        return TypedResults.Ok(RemittanceResponse.Of(found ?? throw WalletRefusedException.NotFound("The remittance")));
    }
}
