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
            return Refuse(SignatureVerdict.Malformed);
        }
        var target = Context.Features.Get<IHttpRequestFeature>()?.RawTarget is { Length: > 0 } raw ? raw : Request.Path + Request.QueryString;
        var signed = new SignedRequest(Request.Method, target, timestamp, nonce, RequestBodyBuffer.BodySha256Of(Context), signature);
        var verdict = await grains.GetGrain<IMerchantGrain>(merchantId).VerifyRequest(signed);
        if (verdict != SignatureVerdict.Verified)
        {
            return Refuse(verdict);
        }
        var identity = new ClaimsIdentity([new Claim("sub", merchantId), new Claim("role", Roles.Merchant)], SchemeName, "sub", "role");
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    /// <summary>A refused signature's 401 says which check failed, so the merchant's developer knows what to fix.</summary>
    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (Context.Items[VerdictItem] is SignatureVerdict verdict)
        {
            Response.StatusCode = StatusCodes.Status401Unauthorized;
            await Problems.For(CodeFor(verdict), DetailFor(verdict)).ExecuteAsync(Context);
            return;
        }
        await base.HandleChallengeAsync(properties);
    }

    private const string VerdictItem = "wallet.merchant-signature";

    private AuthenticateResult Refuse(SignatureVerdict verdict)
    {
        Context.Items[VerdictItem] = verdict;
        return AuthenticateResult.Fail(DetailFor(verdict));
    }

    public static string CodeFor(SignatureVerdict verdict) => verdict switch
    {
        SignatureVerdict.UnknownMerchant => Problems.UnknownMerchant,
        SignatureVerdict.Malformed => Problems.MalformedSignature,
        SignatureVerdict.StaleTimestamp => Problems.StaleTimestamp,
        SignatureVerdict.ReusedNonce => Problems.ReusedNonce,
        SignatureVerdict.BadSignature => Problems.BadSignature,
        SignatureVerdict.Verified => throw new ArgumentOutOfRangeException(nameof(verdict), "A verified request is not refused."),
    };

    private static string DetailFor(SignatureVerdict verdict) => verdict switch
    {
        SignatureVerdict.UnknownMerchant => "No merchant has this X-Merchant-Id.",
        SignatureVerdict.Malformed => "Send X-Merchant-Id, X-Timestamp (unix seconds), X-Nonce (1 to 64 characters) and X-Signature (64 lowercase hex digits).",
        SignatureVerdict.StaleTimestamp => "X-Timestamp is more than 5 minutes from the bank's clock, or older than the merchant's current secret.",
        SignatureVerdict.ReusedNonce => "This X-Nonce was used before: sign every request with a new one.",
        SignatureVerdict.BadSignature => "X-Signature is not the HMAC-SHA256 of METHOD\\nPATH?QUERY\\nTIMESTAMP\\nNONCE\\nSHA256(body) with the merchant's current secret.",
        SignatureVerdict.Verified => "",
    };
}
