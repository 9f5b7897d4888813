using Wallet.Tests.Infrastructure;
using Wallet.Webhooks;

namespace Wallet.Tests.Merchants;

/// <summary>
/// A delivery still being tried when the whole cluster stops is kept in PostgreSQL with its reminder:
/// the restarted cluster delivers it by itself, with nobody calling the merchant's grains.
/// </summary>
[Collection(TopologyCollection.Name)]
public sealed class WebhookRestartTests
{
    [Fact]
    public async Task A_delivery_pending_at_shutdown_is_delivered_after_the_restart_without_being_asked()
    {
        var settings = PostgresServer.Settings(await PostgresServer.CreateDatabase());
        settings["Wallet:Webhooks:ReminderPeriod"] = "00:00:02"; // production keeps a minute
        settings["Wallet:Webhooks:MaxAttempts"] = "1000";
        await using var receiver = await WebhookReceiver.Start();
        receiver.Failing = true;
        var merchantEvent = new WebhookEvent("evt_" + Guid.NewGuid().ToString("N"), WebhookEventTypes.PaymentSucceeded, DateTimeOffset.UtcNow,
            """{"type":"payment.succeeded","data":{"amount":100}}""");
        var service = Guid.NewGuid().ToString("N");
        string merchantId;
        await using (var before = await PostgresCluster.Start(settings, silos: 2, serviceId: service))
        {
            var (merchant, onboarded) = await new Scenario(before.Client).NewMerchant();
            merchantId = onboarded.MerchantId;
            receiver.Secret = onboarded.Secret;
            var webhooks = before.Client.GetGrain<IMerchantWebhooksGrain>(merchantId);
            await webhooks.SetEndpoint(receiver.Url);
            await webhooks.Announce(merchantEvent);
            await Eventually.Until(() => receiver.Received.Count >= 2, "two failed attempts before the shutdown");
        }
        var attemptsBefore = receiver.Received.Count;
        receiver.Failing = false;

        await using var after = await PostgresCluster.Start(settings, silos: 2, serviceId: service);

        await Eventually.Until(() => receiver.Accepted == 1, "the delivery accepted after the restart", TimeSpan.FromSeconds(45));
        var delivery = (await after.Client.GetGrain<IMerchantWebhooksGrain>(merchantId).ListDeliveries()).Single();
        Assert.Equal((merchantEvent.EventId, WebhookDeliveryStatus.Delivered), (delivery.EventId, delivery.Status));
        Assert.True(delivery.Attempts > attemptsBefore, $"{delivery.Attempts} attempts recorded, {attemptsBefore} before the restart");
        Assert.All(receiver.Received, r => Assert.True(r.SignatureValid && r.EventId == merchantEvent.EventId));
        Assert.True(receiver.Received.Last().Duplicate);
    }
}
