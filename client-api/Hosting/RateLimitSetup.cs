using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authorization;
using Wallet.ClientApi.Http;

namespace Wallet.ClientApi.Hosting;

/// <summary>
/// ASP.NET Core's rate limiter in front of the doors brute force and spam come through: signing in,
/// registering, sending SMS and moving money; and drawing documents, which costs CPU. Each limit is kept per caller: the signed-in customer
/// (or merchant) on routes that need signing in, the client's address on the open ones — the address
/// a configured proxy forwarded (<see cref="ProxySetup"/>), else the connecting one. A refused request
/// is a 429 problem with Retry-After. Limits are per API instance (<c>Wallet:RateLimits:{policy}</c>);
/// the lockouts in the customer's access and payment-credentials grains are the cluster-wide guard behind them.
/// </summary>
public static class RateLimitSetup
{
    public const string SignIn = "SignIn";
    public const string Registration = "Registration";
    public const string Sms = "Sms";
    public const string PhoneProbes = "PhoneProbes";
    public const string Money = "Money";

    /// <summary>Documents drawn on request (statements, receipts): a PDF costs a render, so a caller cannot keep the CPU busy.</summary>
    public const string Documents = "Documents";

    /// <summary>Messages to customer care: each may carry images, so a caller cannot fill the bank's storage or the operators' list.</summary>
    public const string Support = "Support";

    private static readonly Dictionary<string, RateLimit> s_defaults = new()
    {
        [SignIn] = new(20, 60),
        [Registration] = new(10, 60),
        [Sms] = new(5, 60),
        [PhoneProbes] = new(10, 86_400),
        [Money] = new(120, 60),
        [Documents] = new(60, 60),
        [Support] = new(30, 60),
    };

    public static WebApplicationBuilder AddWalletRateLimits(this WebApplicationBuilder builder)
    {
        // Read as the host is built, so an unusable setting stops start-up naming its key.
        var limits = s_defaults.ToDictionary(d => d.Key, d => Read(builder.Configuration, d.Key, d.Value));
        // Texts are not a policy on the middleware: it would spend the budget before the handler has
        // validated the request, so ten malformed requests would use up the texts of a good one.
        builder.Services.AddSingleton(_ => new SmsBudget(limits[Sms]));
        // Nor are the answers that tell whether a phone banks here: only those answers spend (PhoneProbeBudget).
        builder.Services.AddSingleton(_ => new PhoneProbeBudget(limits[PhoneProbes]));
        builder.Services.AddRateLimiter(options =>
        {
            foreach (var (policy, limit) in limits.Where(l => l.Key is not (Sms or PhoneProbes)))
            {
                options.AddPolicy(policy, context => Partition(context, limit));
            }
            options.OnRejected = async (rejected, cancellation) => await Refusal(rejected.HttpContext, rejected.Lease).ExecuteAsync(rejected.HttpContext);
        });
        return builder;
    }

    /// <summary>A fixed window per caller (see the class summary for who the caller is).</summary>
    public static RateLimitPartition<string> Partition(HttpContext context, RateLimit limit)
        => RateLimitPartition.GetFixedWindowLimiter(CallerKey(context), _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit.PermitLimit,
            Window = TimeSpan.FromSeconds(limit.WindowSeconds),
            QueueLimit = 0,
        });

    /// <summary>
    /// The customer's id where the route needs signing in; the address on the open routes, even when a
    /// token comes along — otherwise every account someone registers would be another sign-in budget.
    /// </summary>
    private static string CallerKey(HttpContext context)
        => context.GetEndpoint()?.Metadata.GetMetadata<IAllowAnonymous>() is null && context.User.FindFirstValue("sub") is { } caller
            ? "caller:" + caller
            : "address:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");

    /// <summary>The 429 problem, with Retry-After from the lease (at least a second).</summary>
    public static ProblemHttpResult Refusal(HttpContext context, RateLimitLease lease)
    {
        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return Problems.For(Problems.TooManyRequests, $"Too many requests; try again in {seconds} seconds.");
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

    /// <summary>At most <see cref="PermitLimit"/> requests in each window of <see cref="WindowSeconds"/>.</summary>
    public sealed record RateLimit(int PermitLimit, int WindowSeconds);
}
