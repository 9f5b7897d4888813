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
        // Read as the host is built, so an unusable setting stops start-up naming its key.
        var limits = s_defaults.ToDictionary(d => d.Key, d => Read(builder.Configuration, d.Key, d.Value));
        builder.Services.AddRateLimiter(options =>
        {
            foreach (var (policy, limit) in limits)
            {
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

    /// <summary>
    /// Each half of a limit on its own: one left out takes its default (binding the record whole needed
    /// both, and stopped the process when one was set alone); one set to anything but a whole number
    /// above zero is an error naming its key.
    /// </summary>
    public static RateLimit Read(IConfiguration configuration, string policy, RateLimit fallback)
        => new(Positive(configuration, $"Wallet:RateLimits:{policy}:PermitLimit", fallback.PermitLimit),
            Positive(configuration, $"Wallet:RateLimits:{policy}:WindowSeconds", fallback.WindowSeconds));

    private static int Positive(IConfiguration configuration, string key, int fallback)
    {
        var text = configuration[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }
        return int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new InvalidOperationException($"{key} is \"{text}\"; it must be a whole number above 0 (leave it out for the default, {fallback}).");
    }

    private static string Address(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    /// <summary>At most <see cref="PermitLimit"/> requests in each window of <see cref="WindowSeconds"/>.</summary>
    public sealed record RateLimit(int PermitLimit, int WindowSeconds);
}
