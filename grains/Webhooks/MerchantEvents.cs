using System.Text.Json;
using Wallet.Identity;
using Wallet.Wire;
using Wallet.Merchants;
using Wallet.Movements;
using Wallet.Refusals;
using Wallet.Wallets;

namespace Wallet.Webhooks;

/// <summary>
/// The events a merchant is told about, built from the recorded outcome. The event id is derived
/// from the movement and the type, so announcing the same outcome again (a replay, a retry after a
/// crash) names the same event and is recognised as known.
/// </summary>
public static partial class MerchantEvents
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web) { Converters = { new UtcTimestamps() } };

    /// <summary>The event a merchant's movement outcome makes, or null when it makes none (a refusal, a pending charge).</summary>
    public static WebhookEvent? For(MovementReceipt receipt)
    {
        if (receipt.MerchantId is null)
        {
            return null;
        }
        return (receipt.Kind, receipt.Status) switch
        {
            (MovementKind.Payment, MovementStatus.Completed) => Event(receipt.MovementId, WebhookEventTypes.PaymentSucceeded, receipt.CreatedAt, new
            {
                paymentId = receipt.MovementId,
                receipt.OrderId,
                amount = receipt.Captured ?? receipt.Amount,
                authorizedAmount = receipt.Captured is null ? (long?)null : receipt.Amount,
                receipt.Currency,
                from = Party(walletId: receipt.FromWalletId),
                to = Party(merchantId: receipt.MerchantId),
                promotion = receipt.Promotion is { } given
                    ? new { given.CampaignId, given.Price, given.Discount, given.Cashback, given.Points, given.CouponId }
                    : null,
            }),
            (MovementKind.Refund, MovementStatus.Completed) => Event(receipt.MovementId, WebhookEventTypes.PaymentRefunded, receipt.CreatedAt, new
            {
                refundId = receipt.MovementId,
                receipt.PaymentId,
                receipt.OrderId,
                from = Party(merchantId: receipt.MerchantId),
                to = Party(walletId: receipt.ToWalletId),
                receipt.Amount,
                receipt.Currency,
            }),
            (MovementKind.Payment, MovementStatus.Voided) => Event(receipt.MovementId,
                receipt.RefusalCode == RefusalCodes.AuthorizationExpired ? WebhookEventTypes.AuthorizationExpired : WebhookEventTypes.AuthorizationVoided,
                receipt.CreatedAt, new
                {
                    authorizationId = receipt.MovementId, receipt.OrderId, receipt.Amount, receipt.Currency,
                    from = Party(walletId: receipt.FromWalletId), to = Party(merchantId: receipt.MerchantId),
                }),
            _ => null,
        };
    }

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
        var eventId = Ids.ForIdempotencyKey("evt", subjectId, type);
        var body = JsonSerializer.Serialize(new { eventId, type, createdAt, data }, s_json);
        return new WebhookEvent(eventId, type, createdAt, body);
    }

    /// <summary>One side of a movement in the shape the API's answers give it (<c>from</c>, <c>to</c>): exactly one id set.</summary>
    private static object Party(string? walletId = null, string? cardId = null, string? merchantId = null) => new { walletId, cardId, merchantId };
}
