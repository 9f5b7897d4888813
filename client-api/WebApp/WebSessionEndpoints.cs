using System.Security.Claims;
using Wallet.ClientApi.Contract;
using Wallet.ClientApi.Customers;
using Wallet.ClientApi.Hosting;
using Wallet.ClientApi.Http;
using Wallet.Customers;
using Wallet.Identity;
using Wallet.Refusals;

namespace Wallet.ClientApi.WebApp;

/// <summary>
/// Signing in and out of the web app: the session lives in HttpOnly cookies (<see cref="WebSessionCookies"/>),
/// and every other route then accepts the cookie as it accepts a bearer token, with the CSRF token beside it
/// for anything that changes state (<see cref="CsrfProtection"/>). The same people may do the same things:
/// authorization is the API's own, route by route.
/// </summary>
public static class WebSessionEndpoints
{
    public static IEndpointRouteBuilder MapWebSession(this IEndpointRouteBuilder routes)
    {
        var session = routes.MapGroup("/v1/web/session").WithTags("Web app session").AllowAnonymous();
        session.MapPost("", Start).WithName("StartWebSession").MayRefuse(RefusalCodes.InvalidCredentials, RefusalCodes.LoginLocked, RefusalCodes.AccountReportedLost)
            .RequireRateLimiting(RateLimitSetup.SignIn);
        session.MapGet("", Resume).WithName("GetWebSession").MayRefuse(Problems.Unauthorized);
        session.MapDelete("", End).WithName("EndWebSession").WithMetadata(new ActsAsCaller()).MayRefuse(Problems.CsrfTokenInvalid);
        return routes;
    }

    /// <summary>Signs in with the phone and password: the session's cookies are set, and the answer carries the CSRF token (never a token).</summary>
    public static async Task<Results<Ok<WebSessionResponse>, ValidationProblem, ProblemHttpResult>> Start(
        TokenRequest body, HttpContext context, IGrainFactory grains, TokenIssuer issuer, SigningKey key, TimeProvider clock)
    {
        var (session, invalid, refused) = await CustomersEndpoints.SignIn(body, context, grains, clock);
        if (session is null)
        {
            return invalid is not null ? invalid : refused!;
        }
        return TypedResults.Ok(Respond(context, issuer, key, session));
    }

    /// <summary>
    /// Who is signed in, and the CSRF token, for a page that has just loaded. When the access cookie has lapsed the
    /// refresh cookie renews the session (rotating it, as <c>/v1/auth/refresh</c> does); without either it is 401.
    /// </summary>
    public static async Task<Results<Ok<WebSessionResponse>, ProblemHttpResult>> Resume(
        HttpContext context, ClaimsPrincipal user, IGrainFactory grains, TokenIssuer issuer, SigningKey key, TimeProvider clock)
    {
        if (user.Identity?.IsAuthenticated == true)
        {
            var customerId = user.CustomerId();
            return TypedResults.Ok(new WebSessionResponse(customerId, user.FindFirstValue("role")!,
                CsrfProtection.TokenFor(key, customerId, user.FindFirstValue(TokenIssuer.SessionClaim)), ExpiresIn: SecondsLeft(user, clock)));
        }
        if (context.Request.Cookies.TryGetValue(WebSessionCookies.Refresh, out var refresh)
            && RefreshTokens.TryParse(refresh, out var owner, out var sessionId, out var secret) && Ids.IsWellFormed(owner)
            && await grains.GetGrain<ICustomerAccessGrain>(owner).Refresh(sessionId, secret) is { } renewed)
        {
            return TypedResults.Ok(Respond(context, issuer, key, renewed));
        }
        WebSessionCookies.Clear(context);
        return Problems.For(Problems.Unauthorized, "No web session: sign in.");
    }

    /// <summary>Signs out: the session ends (its tokens stop working everywhere) and the cookies are cleared.</summary>
    public static async Task<NoContent> End(HttpContext context, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (user.Identity?.IsAuthenticated == true && user.FindFirstValue(TokenIssuer.SessionClaim) is { } sessionId)
        {
            await grains.GetGrain<ICustomerAccessGrain>(user.CustomerId()).EndSession(sessionId);
        }
        WebSessionCookies.Clear(context);
        return TypedResults.NoContent();
    }

    private static WebSessionResponse Respond(HttpContext context, TokenIssuer issuer, SigningKey key, SignedIn session)
    {
        var tokens = issuer.Respond(session);
        WebSessionCookies.Write(context, tokens);
        return new WebSessionResponse(session.CustomerId, session.Role == CustomerRole.Operator ? Roles.Operator : Roles.Customer,
            CsrfProtection.TokenFor(key, session.CustomerId, session.SessionId), tokens.ExpiresIn);
    }

    private static int SecondsLeft(ClaimsPrincipal user, TimeProvider clock)
        => long.TryParse(user.FindFirstValue("exp"), out var exp) ? (int)Math.Max(0, exp - clock.GetUtcNow().ToUnixTimeSeconds()) : 0;
}

/// <summary>The web app's session as its page may know it: who, and the CSRF token; the tokens stay in the HttpOnly cookies.</summary>
/// <param name="CustomerId">Who is signed in (<c>cus_…</c>).</param>
/// <param name="Role"><c>customer</c> or <c>operator</c>: which pages the app offers (the API decides what each may do).</param>
/// <param name="CsrfToken">To send as the <c>X-CSRF-Token</c> header on every request that changes state.</param>
/// <param name="ExpiresIn">Seconds until the access cookie lapses; <c>GET /v1/web/session</c> then renews it.</param>
public sealed record WebSessionResponse(string CustomerId, string Role, string CsrfToken, int ExpiresIn);
