using Wallet.Identity;
using Wallet.Refusals;

namespace Wallet.ClientApi.Http;

/// <summary>
/// A route's <c>{id}</c> that could never name a resource (blank, control characters) is answered
/// like any unknown id, 404, before it reaches a grain that would refuse the key with a 500.
/// </summary>
public sealed class WellFormedIdFilter : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
        => context.HttpContext.Request.RouteValues.TryGetValue("id", out var id) && !Ids.IsWellFormed(id as string)
            ? ValueTask.FromResult<object?>(Problems.For(RefusalCodes.NotFound, "No such resource."))
            : next(context);
}
