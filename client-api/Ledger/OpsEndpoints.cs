using Wallet.ClientApi.Hosting;
using Wallet.Ledger;

namespace Wallet.ClientApi.Ledger;

/// <summary>What operators watch: the double-entry invariant, computed now from the real balances.</summary>
public static class OpsEndpoints
{
    public static IEndpointRouteBuilder MapOps(this IEndpointRouteBuilder routes)
    {
        var ops = routes.MapGroup("/v1/ops").WithTags("Operators").RequireAuthorization(AuthSetup.OperatorPolicy);
        ops.MapGet("/ledger/check", CheckLedger).WithName("CheckLedger");
        return routes;
    }

    public static async Task<Ok<LedgerCheck>> CheckLedger(IGrainFactory grains)
        => TypedResults.Ok(await grains.GetGrain<ILedgerAuditorGrain>(0).Check());
}
