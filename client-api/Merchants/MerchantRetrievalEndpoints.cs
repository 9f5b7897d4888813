using System.Security.Claims;
using Wallet.ClientApi.Hosting;
using Wallet.ClientApi.Http;
using Wallet.ClientApi.Wallets;
using Wallet.ClientApi.Payments;
using Wallet.Identity;
using Wallet.Merchants;
using Wallet.Movements;
using Wallet.Refusals;

namespace Wallet.ClientApi.Merchants;

/// <summary>
/// A merchant retrieves what it made or received, by id or by its own order id (as a trade query): payments
/// (its charges, and customers' QR payments to it once completed), authorisations and refunds. Another
/// merchant's id answers 404, the same as an unknown one. No index is kept for this: a charge's and an
/// authorisation's ids derive from the order id, and a dynamic QR code (its id from the order id too)
/// remembers the payment that used it.
/// </summary>
public static class MerchantRetrievalEndpoints
{
    public static IEndpointRouteBuilder MapMerchantRetrieval(this IEndpointRouteBuilder routes)
    {
        var merchant = routes.MapGroup("/v1/merchant").WithTags("Merchants").RequireAuthorization(AuthSetup.MerchantPolicy).AddEndpointFilter<WellFormedIdFilter>();
        merchant.MapGet("/payments/{id}", GetPayment).WithName("GetMerchantPayment");
        merchant.MapGet("/payments/{id}/refunds", ListRefunds).WithName("ListPaymentRefunds");
        merchant.MapGet("/refunds/{id}", GetRefund).WithName("GetRefund");
        merchant.MapGet("/authorizations/{id}", GetAuthorization).WithName("GetAuthorization");
        merchant.MapGet("/orders/{orderId}/payment", GetOrderPayment).WithName("GetOrderPayment");
        merchant.MapGet("/orders/{orderId}/authorization", GetOrderAuthorization).WithName("GetOrderAuthorization");
        return routes;
    }

    /// <summary>A payment to the merchant: a charge of a payment code in any state, or a customer's QR payment once completed.</summary>
    /// <param name="id">The payment's id (<c>ch_…</c> for a charge, <c>py_…</c> for a QR payment), one made to the merchant.</param>
    public static async Task<Ok<PaymentResponse>> GetPayment(string id, ClaimsPrincipal merchant, IGrainFactory grains)
        => TypedResults.Ok(PaymentResponse.Of(await Payment(grains, id, merchant.CustomerId()) ?? throw WalletRefusedException.NotFound("The payment")));

    /// <summary>
    /// The payment made under the merchant's order id: the charge of a payment code under it, otherwise the payment of the
    /// dynamic QR code issued under it (a static code may be paid many times, so its order id names no single payment).
    /// </summary>
    /// <param name="orderId">The merchant's own order id, as given to the charge or the dynamic QR code.</param>
    public static async Task<Ok<PaymentResponse>> GetOrderPayment(string orderId, ClaimsPrincipal merchant, IGrainFactory grains)
    {
        var merchantId = merchant.CustomerId();
        var payment = await Payment(grains, MovementIds.For(Workflow.Charge, merchantId, orderId), merchantId);
        if (payment is null && await grains.GetGrain<IMerchantQrCodeGrain>(Ids.ForIdempotencyKey(IdPrefixes.QrCode, merchantId, orderId)).PaidBy(merchantId) is { } paymentId)
        {
            payment = await Payment(grains, paymentId, merchantId);
        }
        return TypedResults.Ok(PaymentResponse.Of(payment ?? throw WalletRefusedException.NotFound("The payment")));
    }

    /// <summary>An authorisation: held (authorized), captured (completed, with the amount captured), voided, or refused.</summary>
    /// <param name="id">The authorisation's id (<c>au_…</c>), one of the merchant's.</param>
    public static async Task<Ok<AuthorizationResponse>> GetAuthorization(string id, ClaimsPrincipal merchant, IGrainFactory grains)
        => TypedResults.Ok(AuthorizationResponse.Of(await Authorisation(grains, id, merchant.CustomerId())));

    /// <summary>The authorisation made under the merchant's order id.</summary>
    /// <param name="orderId">The merchant's own order id, as given to the authorisation.</param>
    public static async Task<Ok<AuthorizationResponse>> GetOrderAuthorization(string orderId, ClaimsPrincipal merchant, IGrainFactory grains)
    {
        var merchantId = merchant.CustomerId();
        return TypedResults.Ok(AuthorizationResponse.Of(await Authorisation(grains, MovementIds.For(Workflow.Authorisation, merchantId, orderId), merchantId)));
    }

    /// <summary>A refund the merchant made.</summary>
    /// <param name="id">The refund's id (<c>rf_…</c>), one the merchant made.</param>
    public static async Task<Ok<RefundResponse>> GetRefund(string id, ClaimsPrincipal merchant, IGrainFactory grains)
        => TypedResults.Ok(RefundResponse.Of(await Refund(grains, id, merchant.CustomerId()) ?? throw WalletRefusedException.NotFound("The refund")));

    /// <summary>A payment's refunds, oldest first (all of them: a payment has few).</summary>
    /// <param name="id">The payment's id (<c>ch_…</c>, <c>py_…</c> or <c>au_…</c>), one made to the merchant.</param>
    public static async Task<Ok<Page<RefundResponse>>> ListRefunds(string id, ClaimsPrincipal merchant, IGrainFactory grains)
    {
        var merchantId = merchant.CustomerId();
        var payment = MovementIds.Refundable(grains, id) ?? throw WalletRefusedException.NotFound("The payment");
        var ids = await payment.ListRefunds(merchantId) ?? throw WalletRefusedException.NotFound("The payment");
        var refunds = await Task.WhenAll(ids.Select(r => Refund(grains, r, merchantId)));
        return TypedResults.Ok(new Page<RefundResponse>([.. refunds.OfType<RefundReceipt>().Select(RefundResponse.Of)], null));
    }

    /// <summary>A charge or a QR payment to this merchant, as the merchant may see it; an authorisation is not a payment here.</summary>
    private static async Task<PaymentReceipt?> Payment(IGrainFactory grains, string id, string merchantId)
    {
        var found = MovementIds.WorkflowOf(id) switch
        {
            Workflow.Charge => await grains.GetGrain<IChargeGrain>(id).Find(merchantId),
            Workflow.QrPayment => await grains.GetGrain<IQrPaymentGrain>(id).Find(merchantId),
            _ => null,
        };
        return found?.MerchantId == merchantId ? found : null;
    }

    private static async Task<AuthorisationReceipt> Authorisation(IGrainFactory grains, string id, string merchantId)
        => await AuthorizationsEndpoints.Authorisation(grains, id).Find(merchantId) is { } found && found.MerchantId == merchantId
            ? found : throw WalletRefusedException.NotFound("The authorisation");

    private static async Task<RefundReceipt?> Refund(IGrainFactory grains, string id, string merchantId)
        => MovementIds.WorkflowOf(id) == Workflow.Refund ? await grains.GetGrain<IRefundGrain>(id).Find(merchantId) : null;
}
