using Wallet.ClientApi.Contract;
using System.Security.Claims;
using Wallet.ClientApi.Hosting;
using Wallet.ClientApi.Http;
using Wallet.ClientApi.Movements;
using Wallet.ClientApi.Wallets;
using Wallet.Customers;
using Wallet.Merchants;
using Wallet.Movements;
using Wallet.Refusals;

namespace Wallet.ClientApi.Payments;

/// <summary>The customer scans a merchant's QR code and pays it.</summary>
public static class PaymentsEndpoints
{
    public static IEndpointRouteBuilder MapPayments(this IEndpointRouteBuilder routes)
    {
        var payments = routes.MapGroup("/v1/payments").WithTags("Paying merchants").RequireAuthorization().AddEndpointFilter<WellFormedIdFilter>();
        payments.MapPost("", Pay).WithName("PayByQrCode").WithIdempotencyKey(required: true).RequireRateLimiting(RateLimitSetup.Money);
        payments.MapPost("/{id}/confirm", Confirm).WithName("ConfirmPayment").RequireRateLimiting(RateLimitSetup.Money);
        var me = routes.MapGroup("/v1/me").WithTags("Paying merchants").RequireAuthorization();
        me.MapPost("/payment-codes", IssuePaymentCode).WithName("IssuePaymentCode").RequireRateLimiting(RateLimitSetup.Money);
        me.MapGet("/pending-payments", ListPending).WithName("ListPendingPayments");
        return routes;
    }

    /// <summary>A single-use code for the merchant's till to scan, valid 60 seconds.</summary>
    public static async Task<Results<Created<PaymentCodeResponse>, ValidationProblem>> IssuePaymentCode(PaymentCodeRequest body, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (new FieldErrors().Id(body.WalletId, "walletId").Problem is { } invalid)
        {
            return invalid;
        }
        var code = await grains.GetGrain<ICustomerGrain>(user.CustomerId()).IssuePaymentCode(body.WalletId!);
        return TypedResults.Created((string?)null, new PaymentCodeResponse(code.Code, code.WalletId, code.ExpiresAt));
    }

    /// <summary>Merchants' charges waiting for the caller's confirmation.</summary>
    public static async Task<Ok<Page<PendingCharge>>> ListPending(ClaimsPrincipal user, IGrainFactory grains)
        => TypedResults.Ok(new Page<PendingCharge>(await grains.GetGrain<ICustomerGrain>(user.CustomerId()).ListPendingCharges(), null));

    /// <summary>The payer confirms a merchant's pending charge with the PIN or a device signature.</summary>
    public static async Task<Results<Ok<PaymentResponse>, ProblemHttpResult, ValidationProblem>> Confirm(
        string id, ConfirmRequest body, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (new FieldErrors().Authorisation(body.Pin, body.DeviceSignature).Problem is { } invalid)
        {
            return invalid;
        }
        var receipt = await grains.GetGrain<IMovementGrain>(id).Confirm(user.CustomerId(), DeviceSignatureBody.From(body.Pin, body.DeviceSignature));
        return receipt.Status == MovementStatus.Completed ? TypedResults.Ok(PaymentResponse.From(receipt)) : MovementResults.Refusal(receipt);
    }

    /// <summary>201 when paid; 202 when held for the bank's review (the money is held in the wallet until an operator decides).</summary>
    public static async Task<Results<Created<PaymentResponse>, Accepted<PaymentResponse>, ProblemHttpResult, ValidationProblem>> Pay(
        PaymentRequest body, HttpContext context, ClaimsPrincipal user, IGrainFactory grains)
    {
        var (request, keyProblem) = IdempotencyKeys.Read(context, required: true);
        var errors = new FieldErrors()
            .Required(body.QrPayload, "qrPayload")
            .Id(body.FromWalletId, "fromWalletId")
            .Check(body.Amount is null || Money.Amounts.IsValidMovement(body.Amount.Value), "amount", $"An amount is 1 to {Money.Amounts.Max} minor units.")
            .Authorisation(body.Pin, body.DeviceSignature)
            .Id(body.CouponId, "couponId", required: false);
        if ((keyProblem ?? errors.Problem) is { } invalid)
        {
            return invalid;
        }
        // A payload that is not ours or whose CRC does not match is refused before anything moves.
        if (MerchantQrPayload.Decode(body.QrPayload) is not { } code)
        {
            return Problems.For(RefusalCodes.InvalidQrCode, "This is not a payment code of ours, or it was altered.");
        }
        if (code.Amount is null && body.Amount is null)
        {
            return Problems.Validation("amount", "This code has no amount: give the amount to pay.");
        }
        if (code.Amount is { } fixedAmount && body.Amount is { } given && given != fixedAmount)
        {
            return Problems.Validation("amount", "This code fixes the amount: leave it out or give the same.");
        }
        var customerId = user.CustomerId();
        var receipt = await MovementResults.GrainFor(grains, customerId, request!).Pay(new PaymentOrder(
            customerId, request!.Fingerprint, body.FromWalletId!, code.MerchantId, code.QrCodeId, code.Amount ?? body.Amount!.Value, "CNY",
            DeviceSignatureBody.From(body.Pin, body.DeviceSignature, request.Key), body.CouponId));
        return receipt.Status switch
        {
            MovementStatus.Completed => TypedResults.Created($"/v1/payments/{receipt.MovementId}", PaymentResponse.From(receipt)),
            MovementStatus.HeldForReview => TypedResults.Accepted($"/v1/payments/{receipt.MovementId}", PaymentResponse.From(receipt)),
            _ => MovementResults.Refusal(receipt),
        };
    }
}

public sealed record PaymentCodeRequest(string? WalletId);

public sealed record PaymentCodeResponse(string Code, string WalletId, DateTimeOffset ExpiresAt);

public sealed record ConfirmRequest(string? Pin, DeviceSignatureBody? DeviceSignature);

public sealed record PaymentRequest(string? QrPayload, string? FromWalletId, long? Amount, string? Pin, DeviceSignatureBody? DeviceSignature, string? CouponId);

/// <summary>
/// A payment to a merchant: <see cref="Amount"/> is what the payer paid; <see cref="ConfirmBy"/> is set while it waits for the
/// payer's confirmation; <see cref="Promotion"/> says what a campaign gave (the price before a discount, cashback, points).
/// </summary>
public sealed record PaymentResponse(string PaymentId, MovementStatus Status, string FromWalletId, string MerchantId, string? OrderId, long Amount, string Currency,
    DateTimeOffset CreatedAt, DateTimeOffset? ConfirmBy, PromotionResponse? Promotion)
{
    public static PaymentResponse From(MovementReceipt r)
        => new(r.MovementId, r.Status, r.FromWalletId!, r.MerchantId!, r.OrderId, r.Amount, r.Currency, r.CreatedAt, r.ConfirmBy, PromotionResponse.From(r.Promotion));
}

public sealed record PromotionResponse(string CampaignId, string CampaignName, Promotions.CampaignKind Kind, long Price, long Discount, long Cashback, long Points, string? CouponId)
{
    public static PromotionResponse? From(Promotions.AppliedPromotion? applied) => applied is null ? null
        : new(applied.CampaignId, applied.CampaignName, applied.Kind, applied.Price, applied.Discount, applied.Cashback, applied.Points, applied.CouponId);
}
