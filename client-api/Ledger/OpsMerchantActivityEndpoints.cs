using Wallet.ClientApi.Hosting;
using Wallet.ClientApi.Http;
using Wallet.ClientApi.Wallets;
using Wallet.Merchants;
using Wallet.Webhooks;

namespace Wallet.ClientApi.Ledger;

/// <summary>
/// What operators look at when a merchant calls: its settlements (what was paid out, and what failed), and the
/// webhook events it has not received. The same reports the merchant reads of itself, nothing more.
/// </summary>
public static class OpsMerchantActivityEndpoints
{
    public static IEndpointRouteBuilder MapOpsMerchantActivity(this IEndpointRouteBuilder routes)
    {
        var ops = routes.MapGroup("/v1/ops/merchants/{id}").WithTags("Operators").RequireAuthorization(AuthSetup.OperatorPolicy).AddEndpointFilter<WellFormedIdFilter>();
        ops.MapGet("/settlements", ListSettlements).WithName("ListMerchantSettlementsForOperators");
        ops.MapGet("/webhook-deliveries", ListDeliveries).WithName("ListMerchantWebhookDeliveriesForOperators");
        return routes;
    }

    /// <summary>The merchant's settlement reports, newest first, with each one's status.</summary>
    /// <param name="id">The merchant's id (<c>mch_…</c>).</param>
    public static async Task<Ok<Page<SettlementReport>>> ListSettlements(string id, IGrainFactory grains)
    {
        await grains.GetGrain<IMerchantGrain>(id).GetView(); // an unknown merchant is 404, not an empty page
        return TypedResults.Ok(new Page<SettlementReport>(await grains.GetGrain<IMerchantSettlementGrain>(id).ListSettlements(), null));
    }

    /// <summary>The merchant's webhook events being delivered and the last ones finished; <c>status=failed</c> for those given up on.</summary>
    /// <param name="id">The merchant's id (<c>mch_…</c>).</param>
    /// <param name="status"><c>pending</c>, <c>delivered</c> or <c>failed</c> to keep only those; all when absent.</param>
    public static async Task<Results<Ok<Page<WebhookDelivery>>, ValidationProblem>> ListDeliveries(string id, IGrainFactory grains, string? status = null)
    {
        if (new FieldErrors().Check(status is null or "pending" or "delivered" or "failed", "status", "Use pending, delivered or failed.").Problem is { } invalid)
        {
            return invalid;
        }
        await grains.GetGrain<IMerchantGrain>(id).GetView();
        var deliveries = await grains.GetGrain<IMerchantWebhooksGrain>(id).ListDeliveries();
        return TypedResults.Ok(new Page<WebhookDelivery>([.. deliveries.Where(d => status is null || string.Equals(d.Status.ToString(), status, StringComparison.OrdinalIgnoreCase))], null));
    }
}
