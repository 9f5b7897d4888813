using System.Security.Claims;

namespace Wallet.ClientApi.Http;

/// <summary>Who is calling, from the bearer token's subject.</summary>
public static class Caller
{
    public static string CustomerId(this ClaimsPrincipal user)
        => user.FindFirstValue("sub") ?? throw new InvalidOperationException("An authorised request carries a subject.");
}
