using Wallet.Identity;
using Wallet.Refusals;

namespace Wallet.ClientApi.Http;

/// <summary>
/// A route's <c>{id}</c> that could never name a resource (blank, control characters) is answered
/// like any unknown id, 404, before it reaches a grain that would refuse the key with a 500. Every id of
/// the route is checked: <c>{id}</c> and the nested ones named <c>{...Id}</c> (a top-up of a wallet, an order).
/// </summary>
public sealed class WellFormedIdFilter : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
        => context.HttpContext.Request.RouteValues.Any(v => IsId(v.Key) && !Ids.IsWellFormed(v.Value as string))
            ? ValueTask.FromResult<object?>(Problems.For(RefusalCodes.NotFound, "No such resource."))
            : next(context);

    private static bool IsId(string name) => name == "id" || name.EndsWith("Id", StringComparison.Ordinal);
}
