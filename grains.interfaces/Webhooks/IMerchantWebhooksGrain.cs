namespace Wallet.Webhooks;

/// <summary>
/// A merchant's webhooks: the endpoint events go to, and the deliveries not yet done. Keyed by
/// merchant id. Each event is delivered at least once (a failed delivery is tried again with a
/// growing wait, kept in durable state and woken by a reminder after a restart); an event id
/// already known is not queued twice, and receivers de-duplicate by it.
/// </summary>
[Alias("Wallet.IMerchantWebhooksGrain")]
public interface IMerchantWebhooksGrain : IGrainWithStringKey
{
    /// <summary>Sets (or, with null, removes) the endpoint; deliveries still queued go to the new one.</summary>
    [Alias("SetEndpoint")]
    Task SetEndpoint(string? url);

    [Alias("GetEndpoint")]
    Task<string?> GetEndpoint();

    /// <summary>Queues an event for delivery; nothing happens when no endpoint is set or the event is already known.</summary>
    [Alias("Announce")]
    Task Announce(WebhookEvent merchantEvent);

    /// <summary>Deliveries, newest first: those still being tried, then the finished ones kept.</summary>
    [Alias("ListDeliveries")]
    Task<IReadOnlyList<WebhookDelivery>> ListDeliveries();
}

/// <summary>One event for a merchant: its id (the receiver's de-duplication key), type, time and the exact JSON body sent every time.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.WebhookEvent")]
public sealed record WebhookEvent(
    [property: Id(0)] string EventId,
    [property: Id(1)] string Type,
    [property: Id(2)] DateTimeOffset CreatedAt,
    [property: Id(3)] string Body);

/// <summary>Where an event's delivery stands: attempts so far, the last answer, and when it is tried next.</summary>
/// <param name="EventId">The event's id (<c>evt_…</c>), also in the delivered body; a receiver uses it to ignore repeats.</param>
/// <param name="Type">The event's type, such as <c>payment.succeeded</c> or <c>settlement.paid</c>.</param>
/// <param name="CreatedAt">When the event happened, UTC, ISO 8601.</param>
/// <param name="Status">Where delivery stands (see the WebhookDeliveryStatus schema).</param>
/// <param name="Attempts">How many times delivery was tried.</param>
/// <param name="LastAttemptAt">When it was last tried, UTC, ISO 8601; null before the first attempt.</param>
/// <param name="LastResponseStatus">The HTTP status the receiver last answered, or null (not tried yet, or no answer).</param>
/// <param name="LastError">Why the last attempt failed, or null.</param>
/// <param name="NextAttemptAt">When it is tried next, UTC, ISO 8601; null once delivered or failed.</param>
[GenerateSerializer, Immutable, Alias("Wallet.WebhookDelivery")]
public sealed record WebhookDelivery(
    [property: Id(0)] string EventId,
    [property: Id(1)] string Type,
    [property: Id(2)] DateTimeOffset CreatedAt,
    [property: Id(3)] WebhookDeliveryStatus Status,
    [property: Id(4)] int Attempts,
    [property: Id(5)] DateTimeOffset? LastAttemptAt,
    [property: Id(6)] int? LastResponseStatus,
    [property: Id(7)] string? LastError,
    [property: Id(8)] DateTimeOffset? NextAttemptAt);

/// <summary>Where an event's delivery stands: <c>pending</c> (not yet accepted by the receiver; tried again), <c>delivered</c> (the receiver answered 2xx) or <c>failed</c> (every attempt failed; no more are made).</summary>
public enum WebhookDeliveryStatus
{
    /// <summary>Not yet accepted by the receiver; tried again at <see cref="WebhookDelivery.NextAttemptAt"/>.</summary>
    Pending = 0,

    /// <summary>The receiver answered 2xx.</summary>
    Delivered = 1,

    /// <summary>Every attempt failed; no more are made.</summary>
    Failed = 2,
}

/// <summary>The event types a merchant receives.</summary>
public static class WebhookEventTypes
{
    public const string PaymentSucceeded = "payment.succeeded";
    public const string PaymentRefunded = "payment.refunded";

    /// <summary>The bank took a payment back for the payer's upheld claim of an unauthorised payment: a refund the merchant could not refuse.</summary>
    public const string RefundChargeback = "refund.chargeback";
    public const string AuthorizationVoided = "authorization.voided";
    public const string AuthorizationExpired = "authorization.expired";
    public const string SettlementPaid = "settlement.paid";
}

/// <summary>What a webhook request carries besides the merchant signature's own headers.</summary>
public static class WebhookHeaders
{
    public const string EventId = "X-Event-Id";
    public const string EventType = "X-Event-Type";

    /// <summary>1 on the first attempt; more means the receiver may have seen this event already.</summary>
    public const string Attempt = "X-Delivery-Attempt";
}

/// <summary>What a webhook endpoint may be: an absolute http(s) URL without user info, https unless allowed otherwise.</summary>
public static class WebhookEndpoints
{
    public const int MaxLength = 500;

    /// <summary>Why <paramref name="url"/> cannot be an endpoint, or null when it can.</summary>
    public static string? Problem(string? url, bool requireHttps, bool allowPrivateNetworks)
    {
        if (url is not { Length: > 0 and <= MaxLength } || !Uri.TryCreate(url, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp) || uri.UserInfo.Length > 0 || uri.Fragment.Length > 0)
        {
            return $"An absolute http(s) URL of at most {MaxLength} characters, without user name or fragment.";
        }
        return requireHttps && uri.Scheme != Uri.UriSchemeHttps ? "Webhooks go to https endpoints only."
            : !allowPrivateNetworks && PrivateNetworks.IsPrivateHost(uri) ? "Webhooks go to public addresses only, not to this machine or a private network."
            : null;
    }
}
