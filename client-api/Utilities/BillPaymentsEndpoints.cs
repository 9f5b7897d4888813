using System.Security.Claims;
using Wallet.ClientApi.Contract;
using Wallet.ClientApi.Hosting;
using Wallet.ClientApi.Http;
using Wallet.ClientApi.Movements;
using Wallet.Movements;
using Wallet.Refusals;
using Wallet.Utilities;

namespace Wallet.ClientApi.Utilities;

/// <summary>Paying a payee's bill (or topping up a phone or a prepaid meter), reading a payment back, and the autopay mandate.</summary>
public static class BillPaymentsEndpoints
{
    public static IEndpointRouteBuilder MapBillPayments(this IEndpointRouteBuilder routes)
    {
        var payee = routes.MapGroup("/v1/bill-payees/{id}").WithTags("Utility bills").RequireAuthorization().AddEndpointFilter<WellFormedIdFilter>();
        payee.MapPost("/payments", Pay).WithName("PayBill").MayRefuse(CommonRefusals.PayerAuthorisation).MayRefuse(CommonRefusals.MoneyOut)
            .MayRefuse(RefusalCodes.NoBillDue, RefusalCodes.BillAlreadyPaid, RefusalCodes.AmountNotOffered, RefusalCodes.BillerPaused, RefusalCodes.IntegrationUnavailable)
            .WithIdempotencyKey(required: true).RequireRateLimiting(RateLimitSetup.Money);
        payee.MapPut("/autopay", SetAutopay).WithName("SetAutopay").MayRefuse(CommonRefusals.PayerAuthorisation).MayRefuse(RefusalCodes.CurrencyMismatch);
        payee.MapGet("/autopay", GetAutopay).WithName("GetAutopay");
        payee.MapDelete("/autopay", CancelAutopay).WithName("CancelAutopay");
        routes.MapGroup("/v1/bill-payments").WithTags("Utility bills").RequireAuthorization().AddEndpointFilter<WellFormedIdFilter>()
            .MapGet("/{id}", Get).WithName("GetBillPayment");
        return routes;
    }

    /// <summary>
    /// 201 when the biller confirmed at once (<c>billerStatus</c> <c>paid</c>), or refused it and the money is already
    /// back (<c>refunded</c>); 202 when the biller has not answered yet (<c>pending</c>: it is asked again, and refunded if
    /// it does not confirm by <c>confirmBy</c>) or risk control holds it for review. A refusal before any money moved is a problem.
    /// </summary>
    /// <param name="id">The payee paid (<c>pye_…</c>), one of the caller's.</param>
    public static async Task<Results<Created<BillPaymentResponse>, Accepted<BillPaymentResponse>, ProblemHttpResult, ValidationProblem>> Pay(
        string id, PayBillRequest body, HttpContext context, ClaimsPrincipal user, IGrainFactory grains)
    {
        var (request, keyProblem) = IdempotencyKeys.Read(context, required: true);
        var errors = new FieldErrors().Id(body.WalletId, "walletId").Currency(body.Currency).Authorisation(body.Pin, body.DeviceSignature);
        if (body.Amount is not null)
        {
            errors.Amount(body.Amount);
        }
        if ((keyProblem ?? errors.Problem) is { } invalid)
        {
            return invalid;
        }
        var customerId = user.CustomerId();
        var paid = await MovementResults.GrainFor<IBillPaymentGrain>(grains, Workflow.BillPayment, customerId, request!)
            .Pay(new BillPaymentOrder(customerId, request!.Fingerprint, id, body.WalletId!, body.Amount, body.Currency!, DeviceSignatureBody.From(body.Pin, body.DeviceSignature, request.Key)));
        MovementResults.MarkReplay(context, paid.Receipt);
        var location = $"/v1/bill-payments/{paid.Receipt.MovementId}";
        return paid.Receipt.Status switch
        {
            MovementStatus.Completed when paid.BillerStatus == BillerStatus.Pending => TypedResults.Accepted(location, BillPaymentResponse.Of(paid)),
            MovementStatus.Completed => TypedResults.Created(location, BillPaymentResponse.Of(paid)),
            MovementStatus.HeldForReview => TypedResults.Accepted(location, BillPaymentResponse.Of(paid)),
            MovementStatus.Refused => MovementResults.Refusal(paid.Receipt),
            MovementStatus.PendingConfirmation or MovementStatus.Authorized or MovementStatus.Voided or MovementStatus.AwaitingApproval => throw MovementResults.NeverEndsIn(paid.Receipt),
        };
    }

    /// <summary>The bill payment and where it stands with the biller now.</summary>
    /// <param name="id">The payment (<c>bp_…</c>), one of the caller's.</param>
    public static async Task<Ok<BillPaymentResponse>> Get(string id, ClaimsPrincipal user, IGrainFactory grains)
    {
        var found = MovementIds.WorkflowOf(id) == Workflow.BillPayment ? await grains.GetGrain<IBillPaymentGrain>(id).Find(user.CustomerId()) : null;
        return TypedResults.Ok(BillPaymentResponse.Of(found ?? throw WalletRefusedException.NotFound("The bill payment")));
    }

    /// <summary>Gives (or replaces) the payee's autopay mandate, with the payment PIN or a device signature.</summary>
    /// <param name="id">The payee (<c>pye_…</c>), one of the caller's, of a biller that sends bills.</param>
    public static async Task<Results<Ok<AutopayResponse>, ValidationProblem>> SetAutopay(string id, AutopayRequest body, ClaimsPrincipal user, IGrainFactory grains)
    {
        var problem = new FieldErrors().Id(body.WalletId, "walletId").Amount(body.CapPerBill, "capPerBill").Currency(body.Currency).Authorisation(body.Pin, body.DeviceSignature).Problem;
        if (problem is { } invalid)
        {
            return invalid;
        }
        var mandate = await grains.GetGrain<IBillCalendarGrain>(user.CustomerId())
            .SetMandate(id, body.WalletId!, body.CapPerBill!.Value, body.Currency!, DeviceSignatureBody.From(body.Pin, body.DeviceSignature));
        return TypedResults.Ok(AutopayResponse.Of(mandate));
    }

    /// <param name="id">The payee (<c>pye_…</c>), one of the caller's.</param>
    public static async Task<Ok<AutopayResponse>> GetAutopay(string id, ClaimsPrincipal user, IGrainFactory grains)
        => TypedResults.Ok(AutopayResponse.Of((await grains.GetGrain<IBillCalendarGrain>(user.CustomerId()).ListMandates()).FirstOrDefault(m => m.PayeeId == id)
            ?? throw WalletRefusedException.NotFound("The autopay mandate")));

    /// <summary>Ends the mandate at once: no bill is paid by it after this answer.</summary>
    /// <param name="id">The payee (<c>pye_…</c>), one of the caller's.</param>
    public static async Task<NoContent> CancelAutopay(string id, ClaimsPrincipal user, IGrainFactory grains)
        => await grains.GetGrain<IBillCalendarGrain>(user.CustomerId()).CancelMandate(id) ? TypedResults.NoContent() : throw WalletRefusedException.NotFound("The autopay mandate");
}
