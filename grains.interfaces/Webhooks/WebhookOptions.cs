namespace Wallet.Webhooks;

/// <summary>
/// Webhook delivery (<c>Wallet:Webhooks</c>): the retry schedule and what an endpoint may be. Beside the contracts
/// because both sides read it: the silo delivers by it, the API checks a merchant's endpoint against it.
/// </summary>
public sealed class WebhookOptions
{
    public const string Section = "Wallet:Webhooks";

    /// <summary>Refuse plain-http endpoints (the embedded mode and the tests allow them for local receivers).</summary>
    public bool RequireHttps { get; set; } = true;

    /// <summary>Let endpoints be on this machine or a private network (the embedded mode and the tests, whose receivers listen on 127.0.0.1).</summary>
    public bool AllowPrivateNetworks { get; set; }

    /// <summary>The wait after the first failed attempt; it doubles after each further failure, up to <see cref="MaxRetryAfter"/>.</summary>
    public TimeSpan FirstRetryAfter { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Attempts before a delivery is given up as failed (the defaults span about ten hours).</summary>
    public int MaxAttempts { get; set; } = 15;

    /// <summary>How long one attempt waits for the receiver's answer.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How often the reminder that survives restarts wakes a merchant's deliveries while any are queued
    /// (Orleans' minimum is a minute; a smaller value lowers that minimum, for tests).
    /// </summary>
    public TimeSpan ReminderPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The wait before attempt <paramref name="failures"/> + 1, after that many failures.</summary>
    public TimeSpan RetryAfter(int failures)
    {
        var doubled = FirstRetryAfter.Ticks * Math.Pow(2, Math.Min(failures - 1, 30));
        return doubled >= MaxRetryAfter.Ticks ? MaxRetryAfter : TimeSpan.FromTicks((long)doubled);
    }
}
