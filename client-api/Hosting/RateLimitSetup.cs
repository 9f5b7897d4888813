using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Wallet.ClientApi.Http;

namespace Wallet.ClientApi.Hosting;

/// <summary>
/// ASP.NET Core's rate limiter in front of the doors brute force and spam come through: signing in,
/// registering and sending SMS by client address, moving money by customer. A refused request is a
/// 429 problem with Retry-After. Limits are per API instance (<c>Wallet:RateLimits:{policy}</c>);
/// the lockouts in the customer grain are the cluster-wide guard behind them.
/// </summary>
public static class RateLimitSetup
{
    public const string SignIn = "SignIn";
    public const string Registration = "Registration";
    public const string Sms = "Sms";
    public const string Money = "Money";

    private static readonly Dictionary<string, RateLimit> s_defaults = new()
    {
        [SignIn] = new(20, 60),
        [Registration] = new(10, 60),
        [Sms] = new(5, 60),
        [Money] = new(120, 60),
    };

    public static WebApplicationBuilder AddWalletRateLimits(this WebApplicationBuilder builder)
    {
        builder.Services.AddRateLimiter(options =>
        {
            foreach (var (policy, fallback) in s_defaults)
            {
                var limit = builder.Configuration.GetSection($"Wallet:RateLimits:{policy}").Get<RateLimit>() ?? fallback;
                var byCustomer = policy == Money;
                options.AddPolicy(policy, context => RateLimitPartition.GetFixedWindowLimiter(
                    byCustomer ? context.User.FindFirstValue("sub") ?? Address(context) : Address(context),
                    _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = limit.PermitLimit,
                        Window = TimeSpan.FromSeconds(limit.WindowSeconds),
                        QueueLimit = 0,
                    }));
            }
            options.OnRejected = async (rejected, cancellation) =>
            {
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
                var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
                rejected.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                await Problems.For(Problems.TooManyRequests, $"Too many requests; try again in {seconds} seconds.")
                    .ExecuteAsync(rejected.HttpContext);
            };
        });
        return builder;
    }

    private static string Address(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    /// <summary>At most <see cref="PermitLimit"/> requests in each window of <see cref="WindowSeconds"/>.</summary>
    public sealed record RateLimit(int PermitLimit, int WindowSeconds);
}
