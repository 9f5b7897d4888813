using System.Text.Json;
using Wallet.Identity;
using Wallet.Wire;
using Wallet.Merchants;
using Wallet.Movements;
using Wallet.Refusals;

namespace Wallet.Webhooks;

/// <summary>
/// The events a merchant is told about, built from the recorded outcome. The event id is derived
/// from the movement and the type, so announcing the same outcome again (a replay, a retry after a
/// crash) names the same event and is recognised as known.
/// </summary>
public static partial class MerchantEvents
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web) { Converters = { new UtcTimestamps() } };

    /// <summary>The event a merchant's movement outcome makes, or null when it makes none (a refusal, a pending charge, a settlement: its payout says).</summary>
    public static WebhookEvent? For(MovementOutcome outcome) => outcome switch
    {
        PaymentReceipt { Status: MovementStatus.Completed } paid => Event(paid.MovementId, WebhookEventTypes.PaymentSucceeded, paid.CreatedAt, new
        {
            paymentId = paid.MovementId,
            paid.OrderId,
            amount = paid.Paid,
            authorizedAmount = (long?)null,
            paid.Currency,
            from = Party(walletId: paid.PayerWalletId),
            to = Party(merchantId: paid.MerchantId),
            promotion = paid.Promotion is { } given
                ? new { given.CampaignId, given.Price, given.Discount, given.Cashback, given.Points, given.CouponId }
                : null,
        }),
        AuthorisationReceipt { Status: MovementStatus.Completed, Captured: { } captured } paid => Event(paid.MovementId, WebhookEventTypes.PaymentSucceeded, paid.CreatedAt, new
        {
            paymentId = paid.MovementId,
            paid.OrderId,
            amount = captured,
            authorizedAmount = (long?)paid.Authorised,
            paid.Currency,
            from = Party(walletId: paid.PayerWalletId),
            to = Party(merchantId: paid.MerchantId),
            promotion = (object?)null,
        }),
        AuthorisationReceipt { Status: MovementStatus.Voided } voided => Event(voided.MovementId,
            voided.Refusal?.Code == RefusalCodes.AuthorizationExpired ? WebhookEventTypes.AuthorizationExpired : WebhookEventTypes.AuthorizationVoided,
            voided.CreatedAt, new
            {
                authorizationId = voided.MovementId, voided.OrderId, amount = voided.Authorised, voided.Currency,
                from = Party(walletId: voided.PayerWalletId), to = Party(merchantId: voided.MerchantId),
            }),
        RefundReceipt { Status: MovementStatus.Completed } refund => Event(refund.MovementId,
            refund.Chargeback ? WebhookEventTypes.RefundChargeback : WebhookEventTypes.PaymentRefunded, refund.CreatedAt, new
        {
            refundId = refund.MovementId,
            refund.PaymentId,
            refund.OrderId,
            from = Party(merchantId: refund.MerchantId),
            to = Party(walletId: refund.PayerWalletId),
            refund.Amount,
            refund.Currency,
        }),
        _ => null,
    };

    public static WebhookEvent SettlementPaid(SettlementReport report) => Event(report.SettlementId, WebhookEventTypes.SettlementPaid, report.PaidAt ?? report.SettledAt, new
    {
        report.SettlementId,
        report.Gross,
        report.Fee,
        report.Net,
        report.Currency,
        report.CardMasked,
        report.SettledAt,
        report.PaidAt,
    });

    /// <summary>
    /// Queues the event with the merchant's webhooks, once the outcome is committed (an aborted
    /// transaction must not have announced anything). The id makes announcing again harmless; a
    /// failure leaves the outcome as it is and is logged.
    /// </summary>
    public static async Task Announce(IGrainFactory grains, string merchantId, WebhookEvent merchantEvent, ILogger logger)
    {
        try
        {
            await grains.GetGrain<IMerchantWebhooksGrain>(merchantId).Announce(merchantEvent);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            LogAnnounceFailed(logger, merchantEvent.EventId, merchantId, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Event {EventId} could not be queued for merchant {MerchantId}'s webhook")]
    private static partial void LogAnnounceFailed(ILogger logger, string eventId, string merchantId, Exception exception);

    private static WebhookEvent Event(string subjectId, string type, DateTimeOffset createdAt, object data)
    {
        var eventId = Ids.ForIdempotencyKey(IdPrefixes.Event, subjectId, type);
        var body = JsonSerializer.Serialize(new { eventId, type, createdAt, data }, s_json);
        return new WebhookEvent(eventId, type, createdAt, body);
    }

    /// <summary>One side of a movement in the shape the API's answers give it (<c>from</c>, <c>to</c>): exactly one id set.</summary>
    private static object Party(string? walletId = null, string? cardId = null, string? merchantId = null) => new { walletId, cardId, merchantId };
}
