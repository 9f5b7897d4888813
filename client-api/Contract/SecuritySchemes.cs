using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Wallet.ClientApi.Hosting;
using Wallet.ClientApi.Merchants;

namespace Wallet.ClientApi.Contract;

/// <summary>
/// How callers prove who they are, in the document's terms: a bearer token for customers and operators, and
/// the four signing headers for merchants (all four together). Each operation names what it takes, read from
/// the authorization its route requires, so the document cannot drift from the routes.
/// </summary>
public sealed class SecuritySchemes : IOpenApiDocumentTransformer, IOpenApiOperationTransformer
{
    public const string Bearer = "bearer";
    public const string WebSession = "webSession";
    private static readonly (string Scheme, string Header, string Description)[] s_merchantHeaders =
    [
        ("merchantId", MerchantAuthenticationHandler.MerchantIdHeader, "The merchant's id (`mch_…`)."),
        ("merchantTimestamp", "X-Timestamp", "Unix seconds when the request was signed; more than 5 minutes off is refused."),
        ("merchantNonce", "X-Nonce", "A value never sent before by this merchant (a reused one is refused)."),
        ("merchantSignature", "X-Signature",
            "Lowercase hex HMAC-SHA256 with the merchant's secret over `METHOD\\nPATH?QUERY\\nTIMESTAMP\\nNONCE\\nSHA256(body)`, " +
            "the path and query exactly as sent and the body's hash in lowercase hex (of nothing when there is no body)."),
    ];

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[Bearer] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "The `accessToken` from `POST /v1/auth/token` (customers and operators), valid 15 minutes; renew it with `POST /v1/auth/refresh`.",
        };
        document.Components.SecuritySchemes[WebSession] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Cookie,
            Name = WebApp.WebSessionCookies.Access,
            Description = "The web app's session (`POST /v1/web/session`), an HttpOnly cookie the browser sends by itself; " +
                $"a request that changes state must also carry the session's `{WebApp.CsrfProtection.Header}` header (`GET /v1/web/session` gives it), or it is 403 `csrf_token_invalid`.",
        };
        foreach (var (scheme, header, description) in s_merchantHeaders)
        {
            document.Components.SecuritySchemes[scheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = header,
                Description = description,
            };
        }
        return Task.CompletedTask;
    }

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var requirement = new OpenApiSecurityRequirement();
        var kind = AuthenticationOf(metadata);
        if (kind is { } caller)
        {
            var schemes = caller == CallerKind.Merchant ? s_merchantHeaders.Select(h => h.Scheme) : [Bearer];
            foreach (var scheme in schemes)
            {
                requirement[new OpenApiSecuritySchemeReference(scheme, context.Document)] = [];
            }
        }
        // An empty requirement says plainly that the operation takes no credentials. Customers and operators may
        // instead be signed in by the web app's cookie: the second requirement, an alternative to the first.
        operation.Security = kind is CallerKind.Customer or CallerKind.Operator
            ? [requirement, new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(WebSession, context.Document)] = [] }]
            : [requirement];
        return Task.CompletedTask;
    }

    /// <summary>Who may call: nobody in particular (null), a bearer holder, an operator or a merchant.</summary>
    public static CallerKind? AuthenticationOf(IList<object> metadata)
    {
        if (metadata.OfType<IAllowAnonymous>().Any())
        {
            return null;
        }
        var policies = metadata.OfType<IAuthorizeData>().ToList();
        if (policies.Count == 0)
        {
            return null;
        }
        return policies.Any(p => p.Policy == AuthSetup.MerchantPolicy) ? CallerKind.Merchant
            : policies.Any(p => p.Policy == AuthSetup.OperatorPolicy) ? CallerKind.Operator
            : CallerKind.Customer;
    }
}

public enum CallerKind
{
    Customer,
    Operator,
    Merchant,
}
