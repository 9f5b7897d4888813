using System.Threading.RateLimiting;

namespace Wallet.ClientApi.Hosting;

/// <summary>
/// The texts a caller may have sent (<c>Wallet:RateLimits:Sms</c>), spent by the handler once the request
/// has passed validation: a request refused for a malformed phone or a missing field sends nothing and
/// so costs nothing.
/// </summary>
public sealed class SmsBudget(RateLimitSetup.RateLimit limit) : IDisposable
{
    private readonly PartitionedRateLimiter<HttpContext> _limiter = PartitionedRateLimiter.Create<HttpContext, string>(
        context => RateLimitSetup.Partition(context, limit));

    /// <summary>Null when a text may be sent; otherwise the 429 problem to answer with.</summary>
    public async ValueTask<ProblemHttpResult?> Spend(HttpContext context)
    {
        using var lease = await _limiter.AcquireAsync(context, 1, context.RequestAborted);
        return lease.IsAcquired ? null : RateLimitSetup.Refusal(context, lease);
    }

    public void Dispose() => _limiter.Dispose();
}
