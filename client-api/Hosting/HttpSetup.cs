using System.Text.Json;
using System.Text.Json.Serialization;
using Scalar.AspNetCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Wallet.ClientApi.Contract;
using Wallet.ClientApi.Http;
using Wallet.ClientApi.WebApp;
using Wallet.Wire;
using Wallet.Storage;

namespace Wallet.ClientApi.Hosting;

public static class HttpSetup
{
    /// <summary>Strict JSON (unknown fields refused), problem responses for every error, and the OpenAPI document.</summary>
    public static WebApplicationBuilder AddWalletHttp(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<Microsoft.AspNetCore.Http.Json.JsonOptions>(options => Configure(options.SerializerOptions));
        builder.Services.Configure<Statements.DocumentOptions>(builder.Configuration.GetSection(Statements.DocumentOptions.Section));
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        builder.Services.Configure<Webhooks.WebhookOptions>(builder.Configuration.GetSection(Webhooks.WebhookOptions.Section)); // endpoint checks
        // No traceId in bodies: a replayed request must get the identical body; the correlation id is in a header.
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context => context.ProblemDetails.Extensions.Remove("traceId"));
        builder.Services.AddExceptionHandler<RefusalExceptionHandler>();
        builder.AddWalletProxies();
        builder.Services.AddOpenApi(options => options.AddWalletContract());
        var health = builder.Services.AddHealthChecks().AddCheck<ClusterHealthCheck>("cluster", tags: ["ready"]);
        if ((builder.Configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions()).IsPostgres)
        {
            builder.Services.AddKeyedSingleton(nameof(DatabaseHealthCheck), (_, _) => WalletDatabase.Open(builder.Configuration));
            health.Add(new HealthCheckRegistration("database",
                services => new DatabaseHealthCheck(services.GetRequiredKeyedService<Npgsql.NpgsqlDataSource>(nameof(DatabaseHealthCheck))),
                failureStatus: null, tags: ["ready"]));
        }
        return builder;
    }

    public static void Configure(JsonSerializerOptions options)
    {
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.NumberHandling = JsonNumberHandling.Strict;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
        options.Converters.Add(new UtcTimestamps());
    }

    public static WebApplication UseWalletPipeline(this WebApplication app)
    {
        // First, so everything after sees the client's address, not the proxy's; a no-op unless proxies are configured.
        app.UseForwardedHeaders();
        // Outermost, so each request is logged with the status the client got: a refusal thrown in a grain
        // is a 4xx once the exception handler has turned it into a problem, not the 500 it is on the way out.
        app.UseWalletRequestLogging();
        app.UseWalletWebAppHeaders();
        app.UseExceptionHandler();
        // A status set without a body (no route, a method or media type a route does not take) becomes a problem with a code.
        app.UseStatusCodePages(async context =>
        {
            if (Problems.ForStatus(context.HttpContext.Response.StatusCode) is { } problem)
            {
                await problem.ExecuteAsync(context.HttpContext);
            }
        });
        app.UseMiddleware<RequestBodyBuffer>();
        app.UseAuthentication();
        app.UseMiddleware<WebApp.CsrfProtection>(); // the web session's cookie changes nothing without its CSRF token
        app.UseAuthorization();
        app.UseRateLimiter(); // after authentication: movements are limited per customer
        app.MapOpenApi();
        app.MapScalarApiReference();
        return app;
    }
}

