using System.Threading.RateLimiting;
using Wallet.Refusals;

namespace Wallet.ClientApi.Hosting;

/// <summary>
/// The answers that tell whether a phone number banks here — registration's <c>phone_taken</c>, a transfer's
/// <c>recipient_not_found</c>, a coupon's unknown phone — are limited per caller (<c>Wallet:RateLimits:PhoneProbes</c>,
/// 10 a day: per address for registration, per customer or merchant otherwise). Past that, such a request is
/// answered 429 without saying what it found. A customer meets these answers now and then (a mistyped number,
/// a forgotten account); someone walking through numbers meets them all the time, and learns ten a day.
/// </summary>
public sealed class PhoneProbeBudget(RateLimitSetup.RateLimit limit) : IDisposable
{
    private readonly PartitionedRateLimiter<HttpContext> _limiter = PartitionedRateLimiter.Create<HttpContext, string>(
        context => RateLimitSetup.Partition(context, limit));

    /// <summary>
    /// Runs the call; when it is refused with one of the <paramref name="revealing"/> codes, spends one answer of the
    /// caller's budget, and when none is left answers 429 instead of the refusal.
    /// </summary>
    public async Task<(T? Result, ProblemHttpResult? Withheld)> Ask<T>(HttpContext context, Func<Task<T>> call, params string[] revealing)
    {
        try
        {
            return (await call(), null);
        }
        catch (WalletRefusedException refused) when (revealing.Contains(refused.Code))
        {
            using var lease = await _limiter.AcquireAsync(context, 1, context.RequestAborted);
            if (!lease.IsAcquired)
            {
                return (default, RateLimitSetup.Refusal(context, lease));
            }
            throw;
        }
    }

    public void Dispose() => _limiter.Dispose();
}
