using Wallet.ClientApi.Contract;
using System.Security.Claims;
using Wallet.ClientApi.Hosting;
using Wallet.ClientApi.Http;
using Wallet.Movements;

namespace Wallet.ClientApi.Movements;

/// <summary>Money in from a bound card (top-up) and out to one (withdrawal).</summary>
public static class CardMovementsEndpoints
{
    public static IEndpointRouteBuilder MapCardMovements(this IEndpointRouteBuilder routes)
    {
        var wallet = routes.MapGroup("/v1/wallets/{id}").WithTags("Moving money").RequireAuthorization().AddEndpointFilter<WellFormedIdFilter>();
        wallet.MapPost("/top-ups", TopUp).WithName("TopUpWallet").MayRefuse(CommonRefusals.MoneyIn).MayRefuse(CommonRefusals.BankCard).WithIdempotencyKey(required: true).RequireRateLimiting(RateLimitSetup.Money);
        wallet.MapPost("/withdrawals", Withdraw).WithName("WithdrawFromWallet").MayRefuse(CommonRefusals.PayerAuthorisation).MayRefuse(CommonRefusals.MoneyOut)
            .MayRefuse(CommonRefusals.BankCard).WithIdempotencyKey(required: true).RequireRateLimiting(RateLimitSetup.Money);
        return routes;
    }

    /// <param name="id">The wallet topped up (<c>wal_…</c>), one of the caller's.</param>
    public static async Task<Results<Created<TopUpResponse>, ProblemHttpResult, ValidationProblem>> TopUp(
        string id, TopUpRequest body, HttpContext context, ClaimsPrincipal user, IGrainFactory grains)
    {
        var (request, keyProblem) = IdempotencyKeys.Read(context, required: true);
        var problem = new FieldErrors().Id(body.CardId, "cardId").Amount(body.Amount).Currency(body.Currency).Problem;
        if ((keyProblem ?? problem) is { } invalid)
        {
            return invalid;
        }
        var customerId = user.CustomerId();
        var receipt = await MovementResults.GrainFor<ITopUpGrain>(grains, Workflow.TopUp, customerId, request!)
            .TopUp(new TopUpOrder(customerId, request!.Fingerprint, id, body.CardId!, body.Amount!.Value, body.Currency!));
        MovementResults.MarkReplay(context, receipt);
        return receipt.Status == MovementStatus.Completed
            ? TypedResults.Created($"/v1/wallets/{id}/top-ups/{receipt.MovementId}", TopUpResponse.Of(receipt))
            : MovementResults.Refusal(receipt);
    }

    /// <summary>201 when paid out to the card; 202 when held for the bank's review (the money is held in the wallet until an operator decides).</summary>
    /// <param name="id">The wallet the money leaves (<c>wal_…</c>), one of the caller's.</param>
    public static async Task<Results<Created<WithdrawalResponse>, Accepted<WithdrawalResponse>, ProblemHttpResult, ValidationProblem>> Withdraw(
        string id, WithdrawalRequest body, HttpContext context, ClaimsPrincipal user, IGrainFactory grains)
    {
        var (request, keyProblem) = IdempotencyKeys.Read(context, required: true);
        var problem = new FieldErrors().Id(body.CardId, "cardId").Amount(body.Amount).Currency(body.Currency).Authorisation(body.Pin, body.DeviceSignature).Problem;
        if ((keyProblem ?? problem) is { } invalid)
        {
            return invalid;
        }
        var customerId = user.CustomerId();
        var receipt = await MovementResults.GrainFor<IWithdrawalGrain>(grains, Workflow.Withdrawal, customerId, request!)
            .Withdraw(new WithdrawalOrder(customerId, request!.Fingerprint, id, body.CardId!, body.Amount!.Value, body.Currency!, DeviceSignatureBody.From(body.Pin, body.DeviceSignature, request.Key)));
        MovementResults.MarkReplay(context, receipt);
        return receipt.Status switch
        {
            MovementStatus.Completed => TypedResults.Created($"/v1/wallets/{id}/withdrawals/{receipt.MovementId}", WithdrawalResponse.Of(receipt)),
            MovementStatus.HeldForReview => TypedResults.Accepted($"/v1/wallets/{id}/withdrawals/{receipt.MovementId}", WithdrawalResponse.Of(receipt)),
            MovementStatus.Refused => MovementResults.Refusal(receipt),
            MovementStatus.PendingConfirmation or MovementStatus.Authorized or MovementStatus.Voided or MovementStatus.AwaitingApproval => throw MovementResults.NeverEndsIn(receipt),
        };
    }
}
