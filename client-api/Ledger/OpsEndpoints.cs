using System.Security.Claims;
using Wallet.ClientApi.Contract;
using Wallet.ClientApi.Customers;
using Wallet.ClientApi.Hosting;
using Wallet.ClientApi.Http;
using Wallet.ClientApi.Wallets;
using Wallet.Customers;
using Wallet.Wallets;
using Wallet.Ledger;
using Wallet.Refusals;

namespace Wallet.ClientApi.Ledger;

/// <summary>What operators watch: the double-entry invariant, computed now from the real balances.</summary>
public static class OpsEndpoints
{
    public static IEndpointRouteBuilder MapOps(this IEndpointRouteBuilder routes)
    {
        var ops = routes.MapGroup("/v1/ops").WithTags("Operators").RequireAuthorization(AuthSetup.OperatorPolicy);
        ops.MapGet("/ledger/check", CheckLedger).WithName("CheckLedger");
        ops.MapPut("/customers/{id}/tier", ChangeTier).WithName("ChangeCustomerTier").MayRefuse(RefusalCodes.InvalidText, RefusalCodes.RealNameRequired).AddEndpointFilter<WellFormedIdFilter>();
        ops.MapPut("/wallets/{id}/status", SetWalletStatus).WithName("SetWalletStatus").MayRefuse(RefusalCodes.InvalidText, RefusalCodes.WalletClosed).AddEndpointFilter<WellFormedIdFilter>();
        return routes;
    }

    /// <summary>A risk hold (receive-only or frozen) or its release (active); closing is the owner's alone.</summary>
    /// <param name="id">The wallet's id (<c>wal_…</c>).</param>
    public static async Task<Results<Ok<WalletResponse>, ValidationProblem>> SetWalletStatus(string id, WalletStatusRequest body, ClaimsPrincipal user, IGrainFactory grains, TimeProvider clock)
    {
        var errors = new FieldErrors()
            .Check(body.Status is WalletStatus.Active or WalletStatus.Frozen or WalletStatus.ReceiveOnly, "status", "Use active, frozen or receive_only.")
            .Text(body.Reason?.Trim(), "reason", 200);
        if (errors.Problem is { } invalid)
        {
            return invalid;
        }
        var note = new StatusNote(body.Reason!.Trim(), user.CustomerId(), clock.GetUtcNow());
        return TypedResults.Ok(WalletResponse.From(await grains.GetGrain<IWalletStatusGrain>(id).SetStatus(body.Status!.Value, note)));
    }

    /// <summary>Tier 1 after verifying a customer in person, or a downgrade; the reason is kept in the tier history.</summary>
    /// <param name="id">The customer's id (<c>cus_…</c>).</param>
    public static async Task<Results<Ok<MeResponse>, ValidationProblem>> ChangeTier(string id, TierChangeRequest body, IGrainFactory grains)
    {
        var errors = new FieldErrors()
            .Check(body.Tier is { } tier && CustomerTiers.IsValid(tier), "tier", "Use 1, 3 or 4.")
            .Text(body.Reason?.Trim(), "reason", 200);
        if (errors.Problem is { } invalid)
        {
            return invalid;
        }
        return TypedResults.Ok(MeResponse.From(await grains.GetGrain<ICustomerGrain>(id).ChangeTier(body.Tier!.Value, body.Reason!.Trim())));
    }

    public static async Task<Ok<LedgerCheckResponse>> CheckLedger(IGrainFactory grains)
        => TypedResults.Ok(LedgerCheckResponse.From(await grains.GetGrain<ILedgerAuditorGrain>(0).Check()));
}
