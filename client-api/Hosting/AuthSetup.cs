using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Wallet.ClientApi.Merchants;
using Microsoft.IdentityModel.Tokens;
using Wallet.Customers;

namespace Wallet.ClientApi.Hosting;

public static class AuthSetup
{
    public const string OperatorPolicy = "operator";
    public const string MerchantPolicy = "merchant";

    /// <summary>Bearer tokens signed with the configured key; the embedded mode makes a throwaway key and says so.</summary>
    public static WebApplicationBuilder AddWalletAuth(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(AuthOptions.Section);
        builder.Services.Configure<AuthOptions>(section);
        var key = SigningKey.From(section.Get<AuthOptions>() ?? new AuthOptions());
        if (key.Generated && ClusterSetup.IsProduction(builder.Configuration))
        {
            throw new InvalidOperationException($"Production mode needs {AuthOptions.Section}:SigningKey (base64 of at least 32 bytes).");
        }
        builder.Services.AddSingleton(key);
        builder.Services.AddSingleton<TokenIssuer>();
        builder.Services.AddHostedService<SigningKeyNotice>();

        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(options =>
        {
            options.MapInboundClaims = false;
            options.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = AuthOptions.Issuer,
                ValidAudience = AuthOptions.Audience,
                IssuerSigningKey = key.Key,
                ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                ClockSkew = TimeSpan.FromSeconds(30),
                NameClaimType = "sub",
                RoleClaimType = "role",
            };
            // A token is good only while its session is: logout and a new password end it at once,
            // not when it expires. One interleaved grain read per request.
            options.Events = new JwtBearerEvents
            {
                // The web app's session: the same token, from its HttpOnly cookie when no Authorization header is sent.
                OnMessageReceived = context =>
                {
                    context.Token = WebApp.WebSessionCookies.AccessToken(context.HttpContext);
                    return Task.CompletedTask;
                },
                OnTokenValidated = async context =>
                {
                    var customerId = context.Principal?.FindFirst("sub")?.Value;
                    var sessionId = context.Principal?.FindFirst(TokenIssuer.SessionClaim)?.Value;
                    var grains = context.HttpContext.RequestServices.GetRequiredService<IGrainFactory>();
                    if (customerId is null || sessionId is null || !await grains.GetGrain<ICustomerAccessGrain>(customerId).IsSessionLive(sessionId))
                    {
                        context.Fail("The session has ended.");
                    }
                },
            };
        });
        builder.Services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, MerchantAuthenticationHandler>(MerchantAuthenticationHandler.SchemeName, null);
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(OperatorPolicy, policy => policy.RequireRole(Roles.Operator))
            .AddPolicy(MerchantPolicy, policy => policy.AddAuthenticationSchemes(MerchantAuthenticationHandler.SchemeName).RequireRole(Roles.Merchant));
        return builder;
    }
}

/// <summary>Says once, at start, that tokens will not survive a restart when the key was made up.</summary>
public sealed partial class SigningKeyNotice(SigningKey key, ILogger<SigningKeyNotice> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (key.Generated)
        {
            LogThrowawayKey(logger);
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "No Wallet:Auth:SigningKey configured: signing tokens with a throwaway key made at start; tokens die with this process")]
    private static partial void LogThrowawayKey(ILogger logger);
}
