using System.Security.Claims;
using Wallet.ClientApi.Contract;
using Wallet.ClientApi.Hosting;
using Wallet.ClientApi.Http;
using Wallet.ClientApi.Movements;
using Wallet.ClientApi.Payments;
using Wallet.Merchants;
using Wallet.Movements;
using Wallet.Refusals;

namespace Wallet.ClientApi.Merchants;

/// <summary>The merchant's till scans the code a customer's phone shows (or taps) and charges it.</summary>
public static class ChargesEndpoints
{
    public static IEndpointRouteBuilder MapCharges(this IEndpointRouteBuilder routes)
    {
        routes.MapGroup("/v1/merchant").WithTags("Merchants").RequireAuthorization(AuthSetup.MerchantPolicy)
            .MapPost("/charges", Charge).WithName("ChargePaymentCode").MayRefuse(CommonRefusals.PaymentCodeCharge).MayRefuse(CommonRefusals.MoneyOut).MayRefuse(CommonRefusals.MoneyIn)
            .MayRefuse(RefusalCodes.ConfirmationExpired, RefusalCodes.CurrencyNotSupported, RefusalCodes.IntegrationUnavailable).RequireRateLimiting(RateLimitSetup.Money);
        return routes;
    }

    /// <summary>
    /// 201 when the payment completed; 202 when it waits for the payer to confirm (above ¥1,000, or past
    /// ten code payments that day). The merchant's <c>orderId</c> makes the charge idempotent: the same
    /// order again returns its current state.
    /// </summary>
    /// <summary>The checks a charge and an authorisation share: a payment code pays the merchant in its own currency only.</summary>
    public static ValidationProblem? Validate(ChargeRequest body, string merchantCurrency) => new FieldErrors()
        .Check(PaymentCodes.IsWellFormed(body.PaymentCode), "paymentCode", "A payment code is 18 digits starting 28.")
        .Amount(body.Amount)
        .Check(body.Currency == merchantCurrency, "currency", $"This merchant is paid in {merchantCurrency}.")
        .Text(body.OrderId, "orderId", 64)
        .Problem;

    /// <summary>The calling merchant's currency, chosen at onboarding: what its QR codes, charges and authorisations are in.</summary>
    public static async Task<string> CurrencyOf(ClaimsPrincipal merchant, IGrainFactory grains)
        => (await grains.GetGrain<IMerchantGrain>(merchant.CustomerId()).GetFacts())?.Currency ?? throw WalletRefusedException.NotFound("The merchant");

    [AnswersReplays]
    public static async Task<Results<Created<PaymentResponse>, Accepted<PaymentResponse>, ProblemHttpResult, ValidationProblem>> Charge(
        ChargeRequest body, HttpContext context, ClaimsPrincipal merchant, IGrainFactory grains)
    {
        if (Validate(body, await CurrencyOf(merchant, grains)) is { } invalid)
        {
            return invalid;
        }
        var merchantId = merchant.CustomerId();
        var receipt = await grains.GetGrain<IChargeGrain>(MovementIds.For(Workflow.Charge, merchantId, body.OrderId!))
            .Charge(new ChargeOrder(merchantId, RequestBodyBuffer.FingerprintOf(context), body.PaymentCode!, body.Amount!.Value, body.Currency!, body.OrderId!));
        MovementResults.MarkReplay(context, receipt);
        return receipt.Status switch
        {
            MovementStatus.Completed => TypedResults.Created($"/v1/merchant/payments/{receipt.MovementId}", PaymentResponse.Of(receipt)),
            MovementStatus.PendingConfirmation => TypedResults.Accepted($"/v1/merchant/payments/{receipt.MovementId}", PaymentResponse.Of(receipt)),
            MovementStatus.Refused => MovementResults.Refusal(receipt),
            MovementStatus.HeldForReview or MovementStatus.Authorized or MovementStatus.Voided or MovementStatus.AwaitingApproval => throw MovementResults.NeverEndsIn(receipt),
        };
    }
}

/// <summary>A charge or an authorisation of a payment code.</summary>
/// <param name="PaymentCode">The 18-digit code (starting 28) the customer's app shows, read from its QR code or over NFC.</param>
/// <param name="Amount">The amount, an integer in minor units of the currency (fen for CNY), from 1 up.</param>
/// <param name="Currency">ISO 4217 code of the amount: the merchant's currency (chosen at onboarding; <c>CNY</c> unless another was), and no other.</param>
/// <param name="OrderId">The merchant's order id, 1 to 64 characters; a repeat with the same order id answers the first outcome.</param>
public sealed record ChargeRequest([property: RequiredField] string? PaymentCode, [property: RequiredField] long? Amount, [property: RequiredField] string? Currency, [property: RequiredField] string? OrderId);
