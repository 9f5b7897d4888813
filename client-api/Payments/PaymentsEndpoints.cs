using Wallet.ClientApi.Contract;
using Wallet.ClientApi.Fx;
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
        payments.MapPost("", Pay).WithName("PayByQrCode").MayRefuse(CommonRefusals.PayerAuthorisation).MayRefuse(CommonRefusals.MoneyOut).MayRefuse(CommonRefusals.MoneyIn)
            .MayRefuse(CommonRefusals.Coupon).MayRefuse(RefusalCodes.InvalidQrCode, RefusalCodes.QrCodeExpired, RefusalCodes.QrCodeUsed, RefusalCodes.CurrencyNotSupported, RefusalCodes.IntegrationUnavailable).WithIdempotencyKey(required: true).RequireRateLimiting(RateLimitSetup.Money);
        payments.MapPost("/{id}/confirm", Confirm).WithName("ConfirmPayment").MayRefuse(CommonRefusals.PayerAuthorisation).MayRefuse(CommonRefusals.MoneyOut).MayRefuse(CommonRefusals.MoneyIn)
            .MayRefuse(RefusalCodes.NotPending, RefusalCodes.ConfirmationExpired).RequireRateLimiting(RateLimitSetup.Money);
        var me = routes.MapGroup("/v1/me").WithTags("Paying merchants").RequireAuthorization();
        me.MapPost("/payment-codes", IssuePaymentCode).WithName("IssuePaymentCode").MayRefuse(CommonRefusals.WalletStatus).MayRefuse(RefusalCodes.NotFound).RequireRateLimiting(RateLimitSetup.Money);
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
        var code = await grains.GetGrain<IPayerGrain>(user.CustomerId()).IssuePaymentCode(body.WalletId!);
        return TypedResults.Created((string?)null, new PaymentCodeResponse(code.Code, code.WalletId, code.ExpiresAt));
    }

    /// <summary>Merchants' charges waiting for the caller's confirmation.</summary>
    public static async Task<Ok<Page<PendingCharge>>> ListPending(ClaimsPrincipal user, IGrainFactory grains)
        => TypedResults.Ok(new Page<PendingCharge>(await grains.GetGrain<IPayerGrain>(user.CustomerId()).ListPendingCharges(), null));

    /// <summary>The payer confirms a merchant's pending charge with the PIN or a device signature.</summary>
    /// <param name="id">The pending charge's <c>paymentId</c>, as listed by <c>GET /v1/me/pending-payments</c>.</param>
    public static async Task<Results<Ok<PaymentResponse>, ProblemHttpResult, ValidationProblem>> Confirm(
        string id, ConfirmRequest body, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (new FieldErrors().Authorisation(body.Pin, body.DeviceSignature).Problem is { } invalid)
        {
            return invalid;
        }
        var charge = MovementIds.WorkflowOf(id) == Workflow.Charge ? grains.GetGrain<IChargeGrain>(id) : throw WalletRefusedException.NotFound("The payment");
        var receipt = await charge.Confirm(user.CustomerId(), DeviceSignatureBody.From(body.Pin, body.DeviceSignature));
        return receipt.Status == MovementStatus.Completed ? TypedResults.Ok(PaymentResponse.Of(receipt)) : MovementResults.Refusal(receipt);
    }

    /// <summary>
    /// 201 when paid; 202 when held for the bank's review (the money is held in the wallet until an operator decides). A
    /// merchant in another currency than the wallet's (a Hong Kong shop's code paid from a CNY wallet) is paid at the
    /// bank's buy rate of the moment: <c>exchange</c> says what the wallet paid and the rate.
    /// </summary>
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
        var receipt = await MovementResults.GrainFor<IQrPaymentGrain>(grains, Workflow.QrPayment, customerId, request!).Pay(new PaymentOrder(
            customerId, request!.Fingerprint, body.FromWalletId!, code.MerchantId, code.QrCodeId, code.Amount ?? body.Amount!.Value, code.Currency,
            DeviceSignatureBody.From(body.Pin, body.DeviceSignature, request.Key), body.CouponId));
        MovementResults.MarkReplay(context, receipt);
        return receipt.Status switch
        {
            MovementStatus.Completed => TypedResults.Created($"/v1/payments/{receipt.MovementId}", PaymentResponse.Of(receipt)),
            MovementStatus.HeldForReview or MovementStatus.AwaitingApproval => TypedResults.Accepted($"/v1/payments/{receipt.MovementId}", PaymentResponse.Of(receipt)),
            MovementStatus.Refused => MovementResults.Refusal(receipt),
            MovementStatus.PendingConfirmation or MovementStatus.Authorized or MovementStatus.Voided => throw MovementResults.NeverEndsIn(receipt),
        };
    }
}

/// <summary>The wallet a payment code pays from.</summary>
/// <param name="WalletId">One of the customer's wallets (<c>wal_…</c>).</param>
public sealed record PaymentCodeRequest([property: RequiredField] string? WalletId);

/// <summary>A one-time payment code for a merchant to charge.</summary>
/// <param name="Code">The 18-digit code, starting 28, to show as a QR code or barcode or to send over NFC.</param>
/// <param name="WalletId">The wallet it pays from (<c>wal_…</c>).</param>
/// <param name="ExpiresAt">When the code can no longer be charged, UTC, ISO 8601.</param>
public sealed record PaymentCodeResponse(string Code, string WalletId, DateTimeOffset ExpiresAt);

/// <summary>The customer's approval of a charge waiting for it: the payment PIN or a device signature, exactly one.</summary>
/// <param name="Pin">The six-digit payment PIN; give it or <c>deviceSignature</c>, not both.</param>
/// <param name="DeviceSignature">A registered device's signature approving this payment, instead of the PIN.</param>
public sealed record ConfirmRequest(string? Pin, DeviceSignatureBody? DeviceSignature);

/// <summary>Paying a merchant's QR code from one of the customer's wallets.</summary>
/// <param name="QrPayload">The QR code's text exactly as scanned (the EMVCo payload).</param>
/// <param name="FromWalletId">The wallet that pays (<c>wal_…</c>), one of the caller's, in the code's currency.</param>
/// <param name="Amount">For a static code, the amount the customer enters, an integer in minor units of the currency (fen for CNY); leave it out for a dynamic code, which carries its own.</param>
/// <param name="Pin">The six-digit payment PIN; give it or <c>deviceSignature</c>, not both.</param>
/// <param name="DeviceSignature">A registered device's signature approving this payment, instead of the PIN.</param>
/// <param name="CouponId">A coupon of the merchant's to use (<c>cpn_…</c>), or left out.</param>
public sealed record PaymentRequest([property: RequiredField] string? QrPayload, [property: RequiredField] string? FromWalletId, long? Amount, string? Pin, DeviceSignatureBody? DeviceSignature, string? CouponId);

/// <summary>
/// A payment to a merchant: <c>amount</c> is what the payer paid; <c>confirmBy</c> is set while it waits for the
/// payer's confirmation; <c>promotion</c> says what a campaign gave (the price before a discount, cashback, points).
/// </summary>
/// <param name="PaymentId">The payment's id (<c>py_…</c> for a QR payment, <c>ch_…</c> for a charge of a payment code, <c>au_…</c> for an authorisation).</param>
/// <param name="Status"><c>completed</c> once paid, <c>pending_confirmation</c> while it waits for the payer, <c>held_for_review</c> when risk control holds it (see the MovementStatus schema).</param>
/// <param name="From">The wallet that paid (<c>walletId</c>).</param>
/// <param name="To">The merchant paid (<c>merchantId</c>).</param>
/// <param name="OrderId">The merchant's order id, or null.</param>
/// <param name="Amount">What the payer paid, an integer in minor units of the currency (fen for CNY) (after any discount).</param>
/// <param name="Currency">ISO 4217 code of the amount: the merchant's currency.</param>
/// <param name="CreatedAt">When the payment was made, UTC, ISO 8601.</param>
/// <param name="ConfirmBy">Until when the payer may confirm it, UTC, ISO 8601; null unless it waits for confirmation.</param>
/// <param name="Promotion">What a merchant's campaign gave, or null when none applied.</param>
/// <param name="Exchange">Paid from a wallet in another currency than the merchant's (<c>currency</c>): what the wallet paid in its own currency and the rate; null otherwise.</param>
/// <param name="AutoTopUp">The top-up from the owner's card that covered what the wallet lacked first (its auto top-up), or null.</param>
/// <param name="FundCover">The redemption from the owner's money-market fund that covered what the wallet lacked first ("balance plus fund"), or null.</param>
public sealed record PaymentResponse(string PaymentId, MovementStatus Status, Party From, Party To, string? OrderId, long Amount, string Currency,
    DateTimeOffset CreatedAt, DateTimeOffset? ConfirmBy, PromotionResponse? Promotion, ExchangeResponse? Exchange = null, AutoTopUpResponse? AutoTopUp = null,
    Products.FundCoverUsedResponse? FundCover = null)
{
    public static PaymentResponse Of(PaymentReceipt r)
    {
        var (from, to) = Party.Of(r);
        return new(r.MovementId, r.Status, from, to, r.OrderId, r.Paid, r.Currency, r.CreatedAt, r.ConfirmBy, PromotionResponse.From(r.Promotion, r.Currency),
            ExchangeResponse.Of(r.Exchange), r.AutoTopUp is { } topped ? new AutoTopUpResponse(topped.TopUpId, topped.Amount, r.SenderCurrency) : null,
            r.FundCover is { } redeemed ? new Products.FundCoverUsedResponse(redeemed.RedemptionId, redeemed.Amount, r.SenderCurrency) : null);
    }

    /// <summary>A merchant's authorisation of the payer's code, as the payer sees it: what was paid once captured, the amount held otherwise.</summary>
    public static PaymentResponse Of(AuthorisationReceipt r)
    {
        var (from, to) = Party.Of(r);
        var amount = r is { Status: MovementStatus.Completed, Captured: { } captured } ? captured : r.Authorised;
        return new(r.MovementId, r.Status, from, to, r.OrderId, amount, r.Currency, r.CreatedAt, null, null);
    }
}

/// <summary>What a merchant's campaign gave on a payment.</summary>
/// <param name="CampaignId">The campaign (<c>cmp_…</c>).</param>
/// <param name="CampaignName">The campaign's name.</param>
/// <param name="Kind">What it gave (see the CampaignKind schema).</param>
/// <param name="Currency">ISO 4217 code of the amounts: the payment's currency.</param>
/// <param name="Price">The price before the discount, in minor units of the currency (fen for CNY).</param>
/// <param name="Discount">What the discount took off the price, in minor units; 0 for other kinds.</param>
/// <param name="Cashback">What was given back to the payer's wallet, in minor units; 0 for other kinds.</param>
/// <param name="Points">Points earned; 0 for other kinds.</param>
/// <param name="CouponId">The coupon used (<c>cpn_…</c>), or null.</param>
public sealed record PromotionResponse(string CampaignId, string CampaignName, Promotions.CampaignKind Kind, string Currency, long Price, long Discount, long Cashback, long Points, string? CouponId)
{
    public static PromotionResponse? From(Promotions.AppliedPromotion? applied, string currency) => applied is null ? null
        : new(applied.CampaignId, applied.CampaignName, applied.Kind, currency, applied.Price, applied.Discount, applied.Cashback, applied.Points, applied.CouponId);
}
