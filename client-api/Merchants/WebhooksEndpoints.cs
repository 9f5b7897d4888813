using System.Security.Claims;
using Microsoft.Extensions.Options;
using Wallet.ClientApi.Contract;
using Wallet.ClientApi.Hosting;
using Wallet.ClientApi.Http;
using Wallet.ClientApi.Wallets;
using Wallet.Refusals;
using Wallet.Webhooks;

namespace Wallet.ClientApi.Merchants;

/// <summary>A merchant's webhook endpoint and the deliveries made to it (each event at least once, signed like the merchant's own requests).</summary>
public static class WebhooksEndpoints
{
    public static IEndpointRouteBuilder MapWebhooks(this IEndpointRouteBuilder routes)
    {
        var merchant = routes.MapGroup("/v1/merchant").WithTags("Merchants").RequireAuthorization(AuthSetup.MerchantPolicy);
        merchant.MapPut("/webhook", SetEndpoint).WithName("SetWebhookEndpoint").MayRefuse(RefusalCodes.InvalidText);
        merchant.MapGet("/webhook", GetEndpoint).WithName("GetWebhookEndpoint");
        merchant.MapDelete("/webhook", RemoveEndpoint).WithName("RemoveWebhookEndpoint");
        merchant.MapGet("/webhook-deliveries", ListDeliveries).WithName("ListWebhookDeliveries");
        return routes;
    }

    /// <summary>Events from now on go to this URL (https; plain http only where configuration allows, as in the embedded mode).</summary>
    public static async Task<Results<Ok<WebhookEndpointResponse>, ValidationProblem>> SetEndpoint(
        WebhookEndpointRequest body, ClaimsPrincipal merchant, IGrainFactory grains, IOptions<WebhookOptions> options)
    {
        var errors = new FieldErrors().Text(body.Url, "url", WebhookEndpoints.MaxLength);
        var problem = body.Url is { } url && Wallet.Display.DisplayText.IsSafe(url)
            ? WebhookEndpoints.Problem(url, options.Value.RequireHttps, options.Value.AllowPrivateNetworks)
            : null;
        if (errors.Check(problem is null, "url", problem ?? "").Problem is { } invalid)
        {
            return invalid;
        }
        await Webhooks(merchant, grains).SetEndpoint(body.Url);
        return TypedResults.Ok(new WebhookEndpointResponse(body.Url));
    }

    public static async Task<Ok<WebhookEndpointResponse>> GetEndpoint(ClaimsPrincipal merchant, IGrainFactory grains)
        => TypedResults.Ok(new WebhookEndpointResponse(await Webhooks(merchant, grains).GetEndpoint()));

    /// <summary>No more events are sent; deliveries still being tried are given up.</summary>
    public static async Task<NoContent> RemoveEndpoint(ClaimsPrincipal merchant, IGrainFactory grains)
    {
        await Webhooks(merchant, grains).SetEndpoint(null);
        return TypedResults.NoContent();
    }

    /// <summary>Deliveries still being tried (newest first), then the last 100 finished ones.</summary>
    public static async Task<Ok<Page<WebhookDelivery>>> ListDeliveries(ClaimsPrincipal merchant, IGrainFactory grains)
        => TypedResults.Ok(new Page<WebhookDelivery>(await Webhooks(merchant, grains).ListDeliveries(), null));

    private static IMerchantWebhooksGrain Webhooks(ClaimsPrincipal merchant, IGrainFactory grains)
        => grains.GetGrain<IMerchantWebhooksGrain>(merchant.CustomerId());
}

/// <summary>Where the merchant's events are delivered.</summary>
/// <param name="Url">The endpoint's absolute URL (https, on a public address, outside the embedded mode).</param>
public sealed record WebhookEndpointRequest([property: RequiredField] string? Url);

/// <summary>Where the merchant's events are delivered.</summary>
/// <param name="Url">The endpoint's URL, or null when none is set (events are not delivered).</param>
public sealed record WebhookEndpointResponse(string? Url);
