using Wallet.Bills.Analysis;
using Wallet.ClientApi.Hosting;
using Wallet.ClientApi.Http;

namespace Wallet.ClientApi.Spending;

/// <summary>Operators check the spending analysis against the ledger.</summary>
public static class SpendingOpsEndpoints
{
    public static IEndpointRouteBuilder MapSpendingOps(this IEndpointRouteBuilder routes)
    {
        routes.MapGroup("/v1/ops").WithTags("Operators").RequireAuthorization(AuthSetup.OperatorPolicy).AddEndpointFilter<WellFormedIdFilter>()
            .MapGet("/customers/{id}/spending/reconciliation", Reconcile).WithName("ReconcileSpending");
        return routes;
    }

    /// <summary>
    /// The customer's month of spending as the analysis counted it against the spending entries of their wallets, movement by
    /// movement: a lost event shows as <c>missing_from_analysis</c> with its movement's id. It reads the ledger and changes nothing.
    /// </summary>
    /// <param name="id">The customer's id (<c>cus_…</c>).</param>
    /// <param name="month">The bank month (Asia/Shanghai calendar), <c>yyyy-MM</c>.</param>
    public static async Task<Results<Ok<ReconciliationResponse>, ValidationProblem>> Reconcile(string id, IGrainFactory grains, string? month = null)
    {
        var asked = SpendingMonth.Parse(month);
        if (new FieldErrors().Required(month, "month").Check(month is null || asked is not null, "month", "Use a month, yyyy-MM (such as 2026-11).").Problem is { } invalid)
        {
            return invalid;
        }
        return TypedResults.Ok(ReconciliationResponse.From(await grains.GetGrain<ISpendingReconciliationGrain>(0).Reconcile(id, asked!.Value)));
    }
}
