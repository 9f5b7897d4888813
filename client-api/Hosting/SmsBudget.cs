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
        // The route declares that it spends texts, so the OpenAPI document lists its 429; a route spending
        // without saying so would make the contract lie, and fails in every test that calls it.
        if (context.GetEndpoint()?.Metadata.GetMetadata<SpendsTexts>() is null)
        {
            throw new InvalidOperationException($"The route {context.GetEndpoint()?.DisplayName} spends the SMS budget without declaring it: add SpendsSmsBudget().");
        }
        using var lease = await _limiter.AcquireAsync(context, 1, context.RequestAborted);
        return lease.IsAcquired ? null : RateLimitSetup.Refusal(context, lease);
    }

    public void Dispose() => _limiter.Dispose();
}

/// <summary>Route metadata: the handler spends the SMS budget (and may answer 429).</summary>
public sealed record SpendsTexts
{
    public static SpendsTexts Instance { get; } = new();
}

public static class SmsBudgetRoutes
{
    /// <summary>Declares that the handler spends the SMS budget.</summary>
    public static RouteHandlerBuilder SpendsSmsBudget(this RouteHandlerBuilder builder) => builder.WithMetadata(SpendsTexts.Instance);
}
