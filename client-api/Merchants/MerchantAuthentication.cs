using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Wallet.ClientApi.Hosting;
using Wallet.ClientApi.Http;
using Wallet.Identity;
using Wallet.Merchants;

namespace Wallet.ClientApi.Merchants;

/// <summary>
/// Authenticates a merchant's HMAC-signed request (X-Merchant-Id, X-Timestamp, X-Nonce, X-Signature).
/// The API only gathers the signed parts; the merchant grain checks them, so the secret stays there.
/// A request without X-Merchant-Id is not this scheme's.
/// </summary>
public sealed class MerchantAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IGrainFactory grains)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Merchant";
    public const string MerchantIdHeader = "X-Merchant-Id";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var headers = Request.Headers;
        if (!headers.TryGetValue(MerchantIdHeader, out var merchantIds))
        {
            return AuthenticateResult.NoResult();
        }
        var merchantId = merchantIds.ToString();
        var timestamp = headers["X-Timestamp"].ToString();
        var nonce = headers["X-Nonce"].ToString();
        var signature = headers["X-Signature"].ToString();
        if (!Ids.IsWellFormed(merchantId) || timestamp.Length == 0 || nonce.Length == 0 || signature.Length == 0)
        {
            return AuthenticateResult.Fail("An incomplete merchant signature.");
        }
        var target = Context.Features.Get<IHttpRequestFeature>()?.RawTarget is { Length: > 0 } raw ? raw : Request.Path + Request.QueryString;
        var signed = new SignedRequest(Request.Method, target, timestamp, nonce, RequestBodyBuffer.BodySha256Of(Context), signature);
        if (!await grains.GetGrain<IMerchantGrain>(merchantId).VerifyRequest(signed))
        {
            return AuthenticateResult.Fail("The merchant signature does not verify.");
        }
        var identity = new ClaimsIdentity([new Claim("sub", merchantId), new Claim("role", Roles.Merchant)], SchemeName, "sub", "role");
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }
}
