using System.Security.Claims;
using Wallet.ClientApi.Http;
using Wallet.Customers;
using Wallet.Refusals;

namespace Wallet.ClientApi.Customers;

/// <summary>One registered device key, where registering it points (its Location).</summary>
public static class DeviceRetrievalEndpoints
{
    public static IEndpointRouteBuilder MapDeviceRetrieval(this IEndpointRouteBuilder routes)
    {
        routes.MapGroup("/v1/me").WithTags("Customers and sessions").RequireAuthorization().AddEndpointFilter<WellFormedIdFilter>()
            .MapGet("/devices/{id}", Get).WithName("GetDevice");
        return routes;
    }

    /// <summary>A device key the customer registered (its public key is not shown back).</summary>
    /// <param name="id">The device's id (<c>dev_…</c>), one of the customer's.</param>
    public static async Task<Ok<DeviceResponse>> Get(string id, ClaimsPrincipal user, IGrainFactory grains)
        => (await grains.GetGrain<IPaymentCredentialsGrain>(user.CustomerId()).ListDevices()).FirstOrDefault(d => d.DeviceId == id) is { } device
            ? TypedResults.Ok(new DeviceResponse(device.DeviceId, device.RegisteredAt))
            : throw WalletRefusedException.NotFound("The device");
}
