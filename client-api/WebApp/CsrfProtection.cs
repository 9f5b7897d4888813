using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.WebUtilities;
using Wallet.ClientApi.Hosting;
using Wallet.ClientApi.Http;

namespace Wallet.ClientApi.WebApp;

/// <summary>
/// A cookie goes with every request the browser makes to us, a forged one from another site's page too. So a
/// request the session cookie authenticated may change something only if it also carries the session's CSRF
/// token in a header: the web app gets it from <c>GET /v1/web/session</c> (a read another origin cannot make
/// and see), a forged form cannot set a header, and SameSite=Strict keeps the cookie off cross-site requests
/// besides. Bearer callers send no cookie and need no token. The token is a MAC of the session, so it needs no
/// storage and dies with the session.
/// </summary>
public sealed class CsrfProtection(RequestDelegate next, SigningKey key)
{
    public const string Header = "X-CSRF-Token";

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Items.ContainsKey(WebSessionCookies.AuthenticatedByCookie) && context.User.Identity?.IsAuthenticated == true
            && !HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method) && !HttpMethods.IsOptions(context.Request.Method)
            && ActsAsTheCaller(context.GetEndpoint())
            && !Matches(context.Request.Headers[Header].ToString(), TokenFor(key, context.User.FindFirstValue("sub"), context.User.FindFirstValue(TokenIssuer.SessionClaim))))
        {
            await Problems.For(Problems.CsrfTokenInvalid, $"A request signed in by the web session's cookie must carry the session's {Header} header.").ExecuteAsync(context);
            return;
        }
        await next(context);
    }

    /// <summary>
    /// A route that acts as whoever the cookie says: every route that requires a caller, and signing out. Routes open
    /// to anyone (registering, signing in) do not: a stale cookie must not stop a person signing in again.
    /// </summary>
    private static bool ActsAsTheCaller(Endpoint? endpoint)
        => endpoint is not null && (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is null || endpoint.Metadata.GetMetadata<ActsAsCaller>() is not null);

    public static string TokenFor(SigningKey key, string? customerId, string? sessionId)
    {
        var subject = $"csrf\n{customerId}\n{sessionId}";
        return WebEncoders.Base64UrlEncode(HMACSHA256.HashData(key.Key.Key, Encoding.UTF8.GetBytes(subject)));
    }

    private static bool Matches(string offered, string expected)
        => CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(offered), Encoding.UTF8.GetBytes(expected));
}

/// <summary>Marks a route open to anyone that still acts as the cookie's caller (signing out), so it needs the CSRF token.</summary>
public sealed class ActsAsCaller;
