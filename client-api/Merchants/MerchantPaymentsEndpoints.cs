using Wallet.ClientApi.Contract;
using System.Security.Claims;
using Wallet.ClientApi.Hosting;
using Wallet.ClientApi.Http;
using Wallet.ClientApi.Movements;
using Wallet.ClientApi.Wallets;
using Wallet.Identity;
using Wallet.Merchants;
using Wallet.Movements;
using Wallet.Wallets;

namespace Wallet.ClientApi.Merchants;

/// <summary>A merchant's payments, and refunds of them back to the payer's wallet.</summary>
public static class MerchantPaymentsEndpoints
{
    public static IEndpointRouteBuilder MapMerchantPayments(this IEndpointRouteBuilder routes)
    {
        var payments = routes.MapGroup("/v1/merchant/payments").WithTags("Merchants").RequireAuthorization(AuthSetup.MerchantPolicy).AddEndpointFilter<WellFormedIdFilter>();
        payments.MapGet("", List).WithName("ListMerchantPayments");
        payments.MapPost("/{id}/refunds", Refund).WithName("RefundPayment").WithIdempotencyKey(required: true).RequireRateLimiting(RateLimitSetup.Money);
        return routes;
    }

    /// <summary>Newest first, from the settlement wallet's statement.</summary>
    public static async Task<Results<Ok<Page<MerchantPaymentResponse>>, ValidationProblem>> List(ClaimsPrincipal merchant, IGrainFactory grains, string? limit = null, string? cursor = null)
    {
        var pageSize = Paging.ParseLimit(limit);
        var errors = new FieldErrors()
            .Check(pageSize is not null, "limit", $"Use 1 to {Paging.MaxLimit}.")
            .Check(Paging.TryReadCursor(cursor, out var before), "cursor", "This cursor did not come from this list.");
        if (errors.Problem is { } invalid)
        {
            return invalid;
        }
        var merchantId = merchant.CustomerId();
        var facts = await grains.GetGrain<IMerchantGrain>(merchantId).GetFacts() ?? throw Refusals.WalletRefusedException.NotFound("The merchant");
        var page = await grains.GetGrain<IWalletGrain>(facts.SettlementWalletId)
            .GetEntries(merchantId, new EntryQuery(pageSize!.Value, before, null, null, MovementKind.Payment));
        return TypedResults.Ok(new Page<MerchantPaymentResponse>(
            [.. page.Items.Select(e => new MerchantPaymentResponse(e.MovementId, e.Amount, e.Currency, e.Counterparty, e.Memo, e.CreatedAt))],
            page.NextBeforeSequence is { } next ? Paging.Cursor(next) : null));
    }

    /// <summary>Gives back all or part of a payment; the Idempotency-Key is the refund's id. Refunds never total more than was paid.</summary>
    public static async Task<Results<Created<RefundResponse>, ProblemHttpResult, ValidationProblem>> Refund(
        string id, RefundRequest body, HttpContext context, ClaimsPrincipal merchant, IGrainFactory grains)
    {
        var (request, keyProblem) = IdempotencyKeys.Read(context, required: true);
        if ((keyProblem ?? new FieldErrors().Amount(body.Amount).Problem) is { } invalid)
        {
            return invalid;
        }
        var merchantId = merchant.CustomerId();
        var receipt = await grains.GetGrain<IMovementGrain>(Ids.ForIdempotencyKey("rf", merchantId, request!.Key))
            .Refund(new RefundOrder(merchantId, request.Fingerprint, id, body.Amount!.Value));
        return receipt.Status == MovementStatus.Completed
            ? TypedResults.Created($"/v1/merchant/refunds/{receipt.MovementId}", new RefundResponse(receipt.MovementId, receipt.Status, id, receipt.Amount, receipt.Currency, receipt.OrderId, receipt.CreatedAt))
            : MovementResults.Refusal(receipt);
    }
}

public sealed record RefundRequest(long? Amount);

public sealed record RefundResponse(string RefundId, MovementStatus Status, string PaymentId, long Amount, string Currency, string? OrderId, DateTimeOffset CreatedAt);

/// <summary>A payment the merchant received: the payer's wallet is the counterparty; the memo carries the order id.</summary>
public sealed record MerchantPaymentResponse(string PaymentId, long Amount, string Currency, string? PayerWalletId, string? Memo, DateTimeOffset CreatedAt);
