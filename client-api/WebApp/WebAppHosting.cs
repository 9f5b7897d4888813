namespace Wallet.ClientApi.WebApp;

/// <summary>
/// Serves the customers' web app and the operators' console (one Blazor WebAssembly app, <c>web/</c>) under
/// <c>/app/</c>, from this host: no second server, and the app's calls to <c>/v1</c> are same-origin.
/// </summary>
public static class WebAppHosting
{
    public const string BasePath = "/app";

    // Nothing from elsewhere, no inline script or style; WebAssembly needs 'wasm-unsafe-eval' to compile the
    // runtime (it does not allow eval of script). QR codes are drawn as data: images.
    private const string ContentSecurityPolicy = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; " +
        "img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>The app's files come from the web project's build output in any environment, not only Development.</summary>
    public static WebApplicationBuilder AddWalletWebApp(this WebApplicationBuilder builder)
    {
        builder.WebHost.UseStaticWebAssets();
        return builder;
    }

    /// <summary>Headers every answer under <c>/app</c> carries: its policy, no framing, no sniffing, no referrer.</summary>
    public static WebApplication UseWalletWebAppHeaders(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            if (context.Request.Path.StartsWithSegments(BasePath))
            {
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
            }
            return next(context);
        });
        return app;
    }

    public static WebApplication MapWalletWebApp(this WebApplication app)
    {
        app.MapGet("/", () => TypedResults.Redirect($"{BasePath}/")).ExcludeFromDescription();
        app.MapStaticAssets();
        // Any page of the app (a path without a file extension) is the app's one page; the app routes it.
        app.MapFallbackToFile($"{BasePath}/{{*path:nonfile}}", $"{BasePath.TrimStart('/')}/index.html");
        return app;
    }
}
