using System.Security.Claims;
using Wallet.ClientApi.Http;
using Wallet.Movements;
using Wallet.Refusals;

namespace Wallet.ClientApi.Movements;

/// <summary>A customer retrieves a top-up or a withdrawal of one of their wallets, where its 201 or 202 answer's Location points.</summary>
public static class CardMovementRetrievalEndpoints
{
    public static IEndpointRouteBuilder MapCardMovementRetrieval(this IEndpointRouteBuilder routes)
    {
        var wallet = routes.MapGroup("/v1/wallets/{id}").WithTags("Moving money").RequireAuthorization().AddEndpointFilter<WellFormedIdFilter>();
        wallet.MapGet("/top-ups/{topUpId}", GetTopUp).WithName("GetTopUp");
        wallet.MapGet("/withdrawals/{withdrawalId}", GetWithdrawal).WithName("GetWithdrawal");
        return routes;
    }

    /// <summary>A top-up into this wallet that the customer asked for, completed or refused.</summary>
    /// <param name="id">The wallet's id (<c>wal_…</c>), one of the customer's.</param>
    /// <param name="topUpId">The top-up's id (<c>tu_…</c>), into that wallet.</param>
    public static async Task<Ok<TopUpResponse>> GetTopUp(string id, string topUpId, ClaimsPrincipal user, IGrainFactory grains)
    {
        var receipt = MovementIds.WorkflowOf(topUpId) == Workflow.TopUp ? await grains.GetGrain<ITopUpGrain>(topUpId).Find(user.CustomerId()) : null;
        return receipt is { } topUp && topUp.WalletId == id
            ? TypedResults.Ok(TopUpResponse.Of(topUp))
            : throw WalletRefusedException.NotFound("The top-up");
    }

    /// <summary>A withdrawal from this wallet that the customer asked for: completed, held for the bank's review, or refused.</summary>
    /// <param name="id">The wallet's id (<c>wal_…</c>), one of the customer's.</param>
    /// <param name="withdrawalId">The withdrawal's id (<c>wd_…</c>), from that wallet.</param>
    public static async Task<Ok<WithdrawalResponse>> GetWithdrawal(string id, string withdrawalId, ClaimsPrincipal user, IGrainFactory grains)
    {
        var receipt = MovementIds.WorkflowOf(withdrawalId) == Workflow.Withdrawal ? await grains.GetGrain<IWithdrawalGrain>(withdrawalId).Find(user.CustomerId()) : null;
        return receipt is { } withdrawal && withdrawal.WalletId == id
            ? TypedResults.Ok(WithdrawalResponse.Of(withdrawal))
            : throw WalletRefusedException.NotFound("The withdrawal");
    }
}
