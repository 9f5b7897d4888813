using Wallet.ClientApi.Contract;
using System.Security.Claims;
using Wallet.ClientApi.Hosting;
using Wallet.ClientApi.Http;
using Wallet.ClientApi.Movements;
using Wallet.ClientApi.Wallets;
using Wallet.Merchants;
using Wallet.Movements;
using Wallet.Refusals;
using Wallet.Wallets;

namespace Wallet.ClientApi.Merchants;

/// <summary>A merchant's payments, and refunds of them back to the payer's wallet.</summary>
public static class MerchantPaymentsEndpoints
{
    public static IEndpointRouteBuilder MapMerchantPayments(this IEndpointRouteBuilder routes)
    {
        var payments = routes.MapGroup("/v1/merchant/payments").WithTags("Merchants").RequireAuthorization(AuthSetup.MerchantPolicy).AddEndpointFilter<WellFormedIdFilter>();
        payments.MapGet("", List).WithName("ListMerchantPayments");
        payments.MapPost("/{id}/refunds", Refund).WithName("RefundPayment").MayRefuse(CommonRefusals.Spending).MayRefuse(CommonRefusals.MoneyIn).MayRefuse(RefusalCodes.RefundExceedsPayment)
            .MayRefuse(RefusalCodes.AmountTooSmall, RefusalCodes.CurrencyNotSupported, RefusalCodes.IntegrationUnavailable).WithIdempotencyKey(required: true).RequireRateLimiting(RateLimitSetup.Money);
        return routes;
    }

    /// <summary>Newest first, from the settlement wallet's statement.</summary>
    public static async Task<Results<Ok<Page<MerchantPaymentResponse>>, ValidationProblem>> List(ClaimsPrincipal merchant, IGrainFactory grains, [AsParameters] PageRequest page)
    {
        if (new FieldErrors().Page(page, out var pageSize, out var before).Problem is { } invalid)
        {
            return invalid;
        }
        var merchantId = merchant.CustomerId();
        var facts = await grains.GetGrain<IMerchantGrain>(merchantId).GetFacts() ?? throw Refusals.WalletRefusedException.NotFound("The merchant");
        var entries = await grains.GetGrain<IWalletStatementGrain>(facts.SettlementWalletId)
            .GetEntries(merchantId, new EntryQuery(pageSize, before, null, null, MovementKind.Payment));
        return TypedResults.Ok(new Page<MerchantPaymentResponse>(
            [.. entries.Items.Select(e => new MerchantPaymentResponse(e.MovementId, e.Amount, e.Currency, Party.Named(e.Counterparty), Party.Merchant(merchantId), e.Memo, e.CreatedAt))],
            entries.NextBeforeSequence is { } next ? Paging.Cursor(next) : null));
    }

    /// <summary>Gives back all or part of a payment; the Idempotency-Key is the refund's id. Refunds never total more than was paid.</summary>
    /// <param name="id">The id of the merchant's payment to refund.</param>
    public static async Task<Results<Created<RefundResponse>, ProblemHttpResult, ValidationProblem>> Refund(
        string id, RefundRequest body, HttpContext context, ClaimsPrincipal merchant, IGrainFactory grains)
    {
        var (request, keyProblem) = IdempotencyKeys.Read(context, required: true);
        if ((keyProblem ?? new FieldErrors().Amount(body.Amount).Problem) is { } invalid)
        {
            return invalid;
        }
        var merchantId = merchant.CustomerId();
        var receipt = await grains.GetGrain<IRefundGrain>(MovementIds.For(Workflow.Refund, merchantId, request!.Key))
            .Refund(new RefundOrder(merchantId, request.Fingerprint, id, body.Amount!.Value));
        MovementResults.MarkReplay(context, receipt);
        return receipt.Status == MovementStatus.Completed
            ? TypedResults.Created($"/v1/merchant/refunds/{receipt.MovementId}", RefundResponse.Of(receipt))
            : MovementResults.Refusal(receipt);
    }
}

/// <summary>How much of a payment to give back.</summary>
/// <param name="Amount">The amount, an integer in minor units of the currency (fen for CNY), from 1 up to what the merchant received and has not yet refunded.</param>
public sealed record RefundRequest([property: RequiredField] long? Amount);

/// <summary>A refund as the bank recorded it.</summary>
/// <param name="RefundId">The refund's id (<c>rf_…</c>).</param>
/// <param name="Status"><c>completed</c> once the money is back in the payer's wallet (see the MovementStatus schema).</param>
/// <param name="PaymentId">The payment refunded.</param>
/// <param name="From">The merchant giving the money back (<c>merchantId</c>).</param>
/// <param name="To">The payer's wallet it goes back to (<c>walletId</c>).</param>
/// <param name="Amount">The amount given back, an integer in minor units of the currency (fen for CNY).</param>
/// <param name="Currency">ISO 4217 code of the amount.</param>
/// <param name="OrderId">The payment's order id, or null.</param>
/// <param name="CreatedAt">When the refund was made, UTC, ISO 8601.</param>
public sealed record RefundResponse(string RefundId, MovementStatus Status, string PaymentId, Party From, Party To, long Amount, string Currency, string? OrderId, DateTimeOffset CreatedAt)
{
    public static RefundResponse Of(RefundReceipt r)
    {
        var (from, to) = Party.Of(r);
        return new(r.MovementId, r.Status, r.PaymentId, from, to, r.Amount, r.Currency, r.OrderId, r.CreatedAt);
    }
}

/// <summary>A payment the merchant received: the payer's wallet is the counterparty; the memo carries the order id.</summary>
/// <param name="PaymentId">The payment's id.</param>
/// <param name="Amount">What the merchant received, an integer in minor units of the currency (fen for CNY).</param>
/// <param name="Currency">ISO 4217 code of the amount.</param>
/// <param name="From">The payer's wallet (<c>walletId</c>), or null where it is not shown.</param>
/// <param name="To">The merchant paid (<c>merchantId</c>).</param>
/// <param name="Memo">The order id or note the payment carried, or null.</param>
/// <param name="CreatedAt">When the payment was booked, UTC, ISO 8601.</param>
public sealed record MerchantPaymentResponse(string PaymentId, long Amount, string Currency, Party? From, Party To, string? Memo, DateTimeOffset CreatedAt);
