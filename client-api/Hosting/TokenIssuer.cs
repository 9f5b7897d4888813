using System.Security.Claims;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Wallet.ClientApi.Customers;
using Wallet.Customers;

namespace Wallet.ClientApi.Hosting;

/// <summary>Issues the short-lived bearer tokens customers and operators call with; each names its session (<c>sid</c>).</summary>
public sealed class TokenIssuer(SigningKey key, IOptions<AuthOptions> options, TimeProvider clock)
{
    public const string SessionClaim = "sid";

    /// <summary>The answer to signing in or refreshing: a new access token, and the session's newly rotated refresh token.</summary>
    public TokenResponse Respond(SignedIn who)
    {
        var (token, expiresIn) = Issue(who);
        var refreshExpiresIn = (int)Math.Max(0, (who.RefreshExpiresAt - clock.GetUtcNow()).TotalSeconds);
        return new TokenResponse(token, "Bearer", expiresIn, who.RefreshToken, refreshExpiresIn);
    }

    public (string Token, int ExpiresIn) Issue(SignedIn who)
    {
        var lifetime = TimeSpan.FromMinutes(options.Value.AccessTokenMinutes);
        var now = clock.GetUtcNow().UtcDateTime;
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = AuthOptions.Issuer,
            Audience = AuthOptions.Audience,
            Subject = new ClaimsIdentity([new Claim("sub", who.CustomerId), new Claim("role", who.Role == CustomerRole.Operator ? Roles.Operator : Roles.Customer),
                new Claim(SessionClaim, who.SessionId)]),
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            SigningCredentials = new SigningCredentials(key.Key, SecurityAlgorithms.HmacSha256),
        });
        return (token, (int)lifetime.TotalSeconds);
    }
}

public static class Roles
{
    public const string Customer = "customer";
    public const string Operator = "operator";
    public const string Merchant = "merchant";
}
