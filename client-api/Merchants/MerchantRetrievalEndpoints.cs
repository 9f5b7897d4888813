using System.Security.Claims;
using Wallet.ClientApi.Hosting;
using Wallet.ClientApi.Http;
using Wallet.ClientApi.Wallets;
using Wallet.ClientApi.Payments;
using Wallet.Identity;
using Wallet.Merchants;
using Wallet.Movements;
using Wallet.Refusals;
using Wallet.Wallets;

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
    /// <param name="id">The payment's id (<c>mv_…</c>), one made to the merchant.</param>
    public static async Task<Ok<PaymentResponse>> GetPayment(string id, ClaimsPrincipal merchant, IGrainFactory grains)
        => TypedResults.Ok(PaymentResponse.Of(Payment(await grains.GetGrain<IMovementGrain>(id).FindForMerchant(merchant.CustomerId()))));

    /// <summary>
    /// The payment made under the merchant's order id: the charge of a payment code under it, otherwise the payment of the
    /// dynamic QR code issued under it (a static code may be paid many times, so its order id names no single payment).
    /// </summary>
    /// <param name="orderId">The merchant's own order id, as given to the charge or the dynamic QR code.</param>
    public static async Task<Ok<PaymentResponse>> GetOrderPayment(string orderId, ClaimsPrincipal merchant, IGrainFactory grains)
    {
        var merchantId = merchant.CustomerId();
        var charge = await grains.GetGrain<IMovementGrain>(Ids.ForIdempotencyKey("ch", merchantId, orderId)).FindForMerchant(merchantId);
        if (charge is null && await grains.GetGrain<IMerchantQrCodeGrain>(Ids.ForIdempotencyKey("qr", merchantId, orderId)).PaidBy(merchantId) is { } paymentId)
        {
            charge = await grains.GetGrain<IMovementGrain>(paymentId).FindForMerchant(merchantId);
        }
        return TypedResults.Ok(PaymentResponse.Of(Payment(charge)));
    }

    /// <summary>An authorisation: held (authorized), captured (completed, with the amount captured), voided, or refused.</summary>
    /// <param name="id">The authorisation's id (<c>mv_…</c>), one of the merchant's.</param>
    public static async Task<Ok<AuthorizationResponse>> GetAuthorization(string id, ClaimsPrincipal merchant, IGrainFactory grains)
        => TypedResults.Ok(AuthorizationResponse.Of(Authorization(await grains.GetGrain<IMovementGrain>(id).FindForMerchant(merchant.CustomerId()))));

    /// <summary>The authorisation made under the merchant's order id.</summary>
    /// <param name="orderId">The merchant's own order id, as given to the authorisation.</param>
    public static async Task<Ok<AuthorizationResponse>> GetOrderAuthorization(string orderId, ClaimsPrincipal merchant, IGrainFactory grains)
    {
        var merchantId = merchant.CustomerId();
        var found = await grains.GetGrain<IMovementGrain>(Ids.ForIdempotencyKey("au", merchantId, orderId)).FindForMerchant(merchantId);
        return TypedResults.Ok(AuthorizationResponse.Of(Authorization(found)));
    }

    /// <summary>A refund the merchant made.</summary>
    /// <param name="id">The refund's id (<c>mv_…</c>), one the merchant made.</param>
    public static async Task<Ok<RefundResponse>> GetRefund(string id, ClaimsPrincipal merchant, IGrainFactory grains)
    {
        var receipt = await grains.GetGrain<IMovementGrain>(id).Find(merchant.CustomerId());
        return receipt is { Kind: MovementKind.Refund } refund ? TypedResults.Ok(RefundResponse.Of(refund)) : throw WalletRefusedException.NotFound("The refund");
    }

    /// <summary>A payment's refunds, oldest first (all of them: a payment has few).</summary>
    /// <param name="id">The payment's id (<c>mv_…</c>), one made to the merchant.</param>
    public static async Task<Ok<Page<RefundResponse>>> ListRefunds(string id, ClaimsPrincipal merchant, IGrainFactory grains)
    {
        var merchantId = merchant.CustomerId();
        var ids = await grains.GetGrain<IMovementGrain>(id).ListRefunds(merchantId) ?? throw WalletRefusedException.NotFound("The payment");
        var refunds = await Task.WhenAll(ids.Select(r => grains.GetGrain<IMovementGrain>(r).Find(merchantId)));
        return TypedResults.Ok(new Page<RefundResponse>([.. refunds.OfType<MovementReceipt>().Select(RefundResponse.Of)], null));
    }


    /// <summary>An authorisation is a payment that holds first; it carries the time it expires, a charge or a QR payment never does.</summary>
    private static bool IsAuthorization(MovementReceipt r) => r.ExpiresAt is not null;

    private static MovementReceipt Payment(MovementReceipt? found)
        => found is { Kind: MovementKind.Payment } payment && !IsAuthorization(payment) ? payment : throw WalletRefusedException.NotFound("The payment");

    private static MovementReceipt Authorization(MovementReceipt? found)
        => found is { Kind: MovementKind.Payment } authorization && IsAuthorization(authorization) ? authorization : throw WalletRefusedException.NotFound("The authorisation");
}
