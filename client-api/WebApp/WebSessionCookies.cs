using Wallet.ClientApi.Customers;

namespace Wallet.ClientApi.WebApp;

/// <summary>
/// The web app's session: the same access and refresh tokens an app gets from <c>/v1/auth/token</c>, kept in
/// HttpOnly, SameSite=Strict cookies that the page's script can never read (so no script, ours or injected,
/// can carry a token away). The refresh cookie is sent only to the one route that renews the session.
/// </summary>
public static class WebSessionCookies
{
    public const string Access = "wallet_session";
    public const string Refresh = "wallet_refresh";
    public const string RefreshPath = "/v1/web/session";

    /// <summary>Set on a request the access cookie authenticated, so the CSRF check knows to ask for its token.</summary>
    public const string AuthenticatedByCookie = "wallet.authenticated-by-cookie";

    public static void Write(HttpContext context, TokenResponse tokens)
    {
        context.Response.Cookies.Append(Access, tokens.AccessToken, Options(context, "/", tokens.ExpiresIn));
        context.Response.Cookies.Append(Refresh, tokens.RefreshToken, Options(context, RefreshPath, tokens.RefreshExpiresIn));
    }

    public static void Clear(HttpContext context)
    {
        context.Response.Cookies.Delete(Access, Options(context, "/", 0));
        context.Response.Cookies.Delete(Refresh, Options(context, RefreshPath, 0));
    }

    /// <summary>The access token from the cookie when the request carries no Authorization header (which wins).</summary>
    public static string? AccessToken(HttpContext context)
    {
        if (context.Request.Headers.Authorization.Count > 0 || !context.Request.Cookies.TryGetValue(Access, out var token) || token.Length == 0)
        {
            return null;
        }
        context.Items[AuthenticatedByCookie] = true;
        return token;
    }

    private static CookieOptions Options(HttpContext context, string path, int seconds) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        // Secure wherever the browser reached us by HTTPS (behind a TLS proxy too, with forwarded headers on).
        Secure = context.Request.IsHttps,
        Path = path,
        MaxAge = TimeSpan.FromSeconds(Math.Max(0, seconds)),
        IsEssential = true,
    };
}
