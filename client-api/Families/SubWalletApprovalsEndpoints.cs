using System.Security.Claims;
using Wallet.ClientApi.Contract;
using Wallet.ClientApi.Hosting;
using Wallet.ClientApi.Http;
using Wallet.ClientApi.Wallets;
using Wallet.Families;
using Wallet.Movements;
using Wallet.Refusals;

namespace Wallet.ClientApi.Families;

/// <summary>A sub-wallet's payments over its approval threshold: listed while they wait, approved or declined by the family.</summary>
public static class SubWalletApprovalsEndpoints
{
    public static IEndpointRouteBuilder MapSubWalletApprovals(this IEndpointRouteBuilder routes)
    {
        var approvals = routes.MapGroup("/v1/sub-wallets/{id}/approvals").WithTags("Families").RequireAuthorization().AddEndpointFilter<WellFormedIdFilter>();
        approvals.MapGet("", List).WithName("ListSubWalletApprovals");
        approvals.MapPost("/{paymentId}/approve", Approve).WithName("ApproveSubWalletPayment").MayRefuse(RefusalCodes.FamilyRoleRequired, RefusalCodes.NotPending)
            .RequireRateLimiting(RateLimitSetup.Money);
        approvals.MapPost("/{paymentId}/decline", Decline).WithName("DeclineSubWalletPayment").MayRefuse(RefusalCodes.FamilyRoleRequired, RefusalCodes.NotPending);
        return routes;
    }

    /// <summary>The payments awaiting the family's approval, oldest first: for the owner, a guardian and the member.</summary>
    /// <param name="id">The sub-wallet (<c>sw_…</c>).</param>
    public static async Task<Ok<Page<PendingApprovalResponse>>> List(string id, ClaimsPrincipal user, IGrainFactory grains)
        => TypedResults.Ok(new Page<PendingApprovalResponse>(
            [.. (await grains.GetGrain<ISubWalletApprovalsGrain>(id).List(user.CustomerId())).Select(PendingApprovalResponse.Of)], null));

    /// <summary>
    /// The payment is made now, from the money held for it, if the sub-wallet's rules still let it (its answer then says
    /// <c>refused</c> with the rule's code, and the money is let go).
    /// </summary>
    /// <param name="id">The sub-wallet (<c>sw_…</c>); the caller is its family's owner or a guardian.</param>
    /// <param name="paymentId">The payment awaiting approval (<c>py_…</c>).</param>
    public static async Task<Ok<ApprovalAnswerResponse>> Approve(string id, string paymentId, ClaimsPrincipal user, IGrainFactory grains)
        => TypedResults.Ok(ApprovalAnswerResponse.Of(await grains.GetGrain<ISubWalletApprovalsGrain>(id).Decide(user.CustomerId(), paymentId, approve: true)));

    /// <summary>The payment is not made; the money held for it is the member's to spend again.</summary>
    /// <param name="id">The sub-wallet (<c>sw_…</c>); the caller is its family's owner or a guardian.</param>
    /// <param name="paymentId">The payment awaiting approval (<c>py_…</c>).</param>
    public static async Task<Ok<ApprovalAnswerResponse>> Decline(string id, string paymentId, ClaimsPrincipal user, IGrainFactory grains)
        => TypedResults.Ok(ApprovalAnswerResponse.Of(await grains.GetGrain<ISubWalletApprovalsGrain>(id).Decide(user.CustomerId(), paymentId, approve: false)));
}

/// <summary>A sub-wallet's payment awaiting the family's approval.</summary>
/// <param name="PaymentId">The payment (<c>py_…</c>).</param>
/// <param name="MerchantId">The merchant it pays (<c>mch_…</c>).</param>
/// <param name="Amount">What it would take from the sub-wallet (held there meanwhile), an integer in minor units of the currency.</param>
/// <param name="Currency">ISO 4217 code of the amount.</param>
/// <param name="At">When the member paid, UTC, ISO 8601.</param>
/// <param name="ExpiresAt">When it is declined unanswered, UTC, ISO 8601.</param>
public sealed record PendingApprovalResponse(string PaymentId, string MerchantId, long Amount, string Currency, DateTimeOffset At, DateTimeOffset ExpiresAt)
{
    public static PendingApprovalResponse Of(PendingApproval p) => new(p.MovementId, p.MerchantId, p.Amount, p.Currency, p.At, p.ExpiresAt);
}

/// <summary>What became of a payment the family answered.</summary>
/// <param name="PaymentId">The payment (<c>py_…</c>).</param>
/// <param name="Status"><c>completed</c> when approved and made; <c>refused</c> when declined, or approved but refused by the sub-wallet's rules or funds.</param>
/// <param name="Amount">What it took (or would have taken) from the sub-wallet, an integer in minor units of the currency.</param>
/// <param name="Currency">ISO 4217 code of the amount.</param>
/// <param name="RefusalCode">Why it was not made (<c>declined_by_family</c>, or a rule's code), or null.</param>
/// <param name="AnsweredBy">The owner or guardian who answered (<c>cus_…</c>).</param>
/// <param name="AnsweredAt">When, UTC, ISO 8601.</param>
public sealed record ApprovalAnswerResponse(string PaymentId, MovementStatus Status, long Amount, string Currency, string? RefusalCode, string? AnsweredBy, DateTimeOffset? AnsweredAt)
{
    public static ApprovalAnswerResponse Of(ReviewableOutcome r)
        => new(r.MovementId, r.Status, r.SenderPays, r.SenderCurrency, r.Refusal?.Code, r.Review?.OperatorId, r.Review?.At);
}
