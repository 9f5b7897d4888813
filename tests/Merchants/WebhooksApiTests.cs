using System.Net;
using System.Text.Json;
using Wallet.Tests.Infrastructure;
using static Wallet.Tests.Infrastructure.ApiCustomer;

namespace Wallet.Tests.Merchants;

/// <summary>
/// Webhooks reach a real HTTP receiver that checks every signature with the merchant's secret; a
/// receiver that fails gets each event again until it answers, and marks the repeats by event id.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class WebhooksApiTests(ApiFixture api)
{
    [Fact]
    public async Task Payment_refund_and_settlement_events_arrive_signed_with_the_merchants_secret()
    {
        await using var receiver = await WebhookReceiver.Start();
        var merchant = await Subscribed(receiver, settlementCard: TestData.Card());
        var (_, payerWallet, paymentId) = await merchant.PaidBy(api, 2_000, orderId: "ord-77");
        var refund = await Json(await merchant.Send(HttpMethod.Post, $"/v1/merchant/payments/{paymentId}/refunds", """{"amount":500}""", idempotencyKey: "rf-1"),
            HttpStatusCode.Created);
        var settlement = await Json(await merchant.Send(HttpMethod.Post, "/v1/merchant/settlements"), HttpStatusCode.Created);

        await Eventually.Until(() => receiver.Received.Count >= 3, "three events");
        var byType = receiver.Received.ToDictionary(r => r.Type);
        Assert.All(byType.Values, r => Assert.True(r.SignatureValid && r.Attempt == 1 && !r.Duplicate && r.MerchantId == merchant.Id));
        var paid = byType["payment.succeeded"].Body;
        Assert.Equal((paymentId, "ord-77", 2_000L, "CNY", payerWallet), (Text(paid, "data", "paymentId"), Text(paid, "data", "orderId"),
            paid.GetProperty("data").GetProperty("amount").GetInt64(), Text(paid, "data", "currency"), Text(paid, "data", "from", "walletId")));
        Assert.Equal(byType["payment.succeeded"].EventId, Text(paid, "eventId"));
        var refunded = byType["payment.refunded"].Body;
        Assert.Equal((refund.GetProperty("refundId").GetString(), paymentId, 500L),
            (Text(refunded, "data", "refundId"), Text(refunded, "data", "paymentId"), refunded.GetProperty("data").GetProperty("amount").GetInt64()));
        var settled = byType["settlement.paid"].Body;
        Assert.Equal((settlement.GetProperty("settlementId").GetString(), 1_500L - 5, 5L), (Text(settled, "data", "settlementId"),
            settled.GetProperty("data").GetProperty("net").GetInt64(), settled.GetProperty("data").GetProperty("fee").GetInt64()));

        // The receiver has each event before the bank has its answer written down: the record follows a moment later.
        var deliveries = await Eventually.Value(() => Deliveries(merchant), d => d.Count(e => e.GetProperty("status").GetString() == "delivered") == 3, "three deliveries recorded");
        Assert.Equal(3, deliveries.Count(d => d.GetProperty("status").GetString() == "delivered" && d.GetProperty("attempts").GetInt32() == 1
            && d.GetProperty("lastResponseStatus").GetInt32() == 200));
        await Books.AssertBalanced(api, payerWallet, merchant.SettlementWalletId);
    }

    [Fact]
    public async Task A_receiver_that_fails_then_recovers_gets_every_event_and_marks_the_repeats()
    {
        await using var receiver = await WebhookReceiver.Start();
        var merchant = await Subscribed(receiver);
        receiver.FailNext(3); // takes each event, then "crashes" before answering: the bank must send it again

        var payments = new[] { (await merchant.PaidBy(api, 300)).PaymentId, (await merchant.PaidBy(api, 400)).PaymentId };

        var deliveries = await Eventually.Value(() => Deliveries(merchant),
            d => d.Count == 2 && d.All(e => e.GetProperty("status").GetString() == "delivered"), "both events accepted");
        Assert.Equal(payments.Order(), receiver.Distinct.Select(r => Text(r.Body, "data", "paymentId")).Order());
        Assert.Equal((5, 3), (receiver.Received.Count, receiver.Received.Count(r => r.Duplicate)));
        Assert.All(receiver.Received.Where(r => r.Duplicate), r => Assert.True(r.Attempt > 1 && r.SignatureValid));
        Assert.Equal(5, deliveries.Sum(d => d.GetProperty("attempts").GetInt32()));
    }

    [Fact]
    public async Task A_receiver_that_never_accepts_is_given_up_after_the_configured_attempts()
    {
        await using var receiver = await WebhookReceiver.Start();
        var merchant = await Subscribed(receiver);
        receiver.Failing = true;

        await merchant.PaidBy(api, 100);

        var failed = await Eventually.Value(() => Deliveries(merchant), d => d.Count == 1 && d[0].GetProperty("status").GetString() == "failed", "the delivery given up");
        Assert.Equal((6, 500), (failed[0].GetProperty("attempts").GetInt32(), failed[0].GetProperty("lastResponseStatus").GetInt32()));
        Assert.Equal(6, receiver.Received.Count);
        Assert.True(failed[0].TryGetProperty("nextAttemptAt", out var next) && next.ValueKind == JsonValueKind.Null);

        // The operators' console sees what the merchant sees, filtered by status.
        var operators = await Operator.SignIn(api);
        var givenUp = (await Json(await operators.GetAsync($"/v1/ops/merchants/{merchant.Id}/webhook-deliveries?status=failed"), HttpStatusCode.OK)).GetProperty("items");
        Assert.Equal(failed[0].GetProperty("eventId").GetString(), Assert.Single(givenUp.EnumerateArray()).GetProperty("eventId").GetString());
        Assert.Empty((await Json(await operators.GetAsync($"/v1/ops/merchants/{merchant.Id}/webhook-deliveries?status=delivered"), HttpStatusCode.OK)).GetProperty("items").EnumerateArray());
        await Problem(await operators.GetAsync($"/v1/ops/merchants/{merchant.Id}/webhook-deliveries?status=lost"), HttpStatusCode.BadRequest, "validation_failed");
        await Problem(await operators.GetAsync("/v1/ops/merchants/mch_00000000000000000000000000/webhook-deliveries"), HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task A_merchant_without_an_endpoint_gets_nothing_and_a_removed_endpoint_stops_deliveries()
    {
        await using var receiver = await WebhookReceiver.Start();
        var merchant = await ApiMerchant.Onboard(api);
        await merchant.PaidBy(api, 100);
        Assert.Empty(await Deliveries(merchant));

        await Subscribe(merchant, receiver);
        Assert.Equal(receiver.Url, (await Json(await merchant.Send(HttpMethod.Get, "/v1/merchant/webhook"), HttpStatusCode.OK)).GetProperty("url").GetString());
        receiver.Failing = true;
        await merchant.PaidBy(api, 200);
        await Eventually.Until(() => !receiver.Received.IsEmpty, "a first attempt");
        Assert.Equal(HttpStatusCode.NoContent, (await merchant.Send(HttpMethod.Delete, "/v1/merchant/webhook")).StatusCode);

        var deliveries = await Deliveries(merchant);
        Assert.Equal(("failed", "The merchant removed its endpoint."), (deliveries.Single().GetProperty("status").GetString(), deliveries.Single().GetProperty("lastError").GetString()));
        await merchant.PaidBy(api, 300);
        Assert.Single(await Deliveries(merchant));
    }

    [Fact]
    public async Task A_voided_authorization_and_a_captured_one_are_announced()
    {
        await using var receiver = await WebhookReceiver.Start();
        var merchant = await Subscribed(receiver);
        var alice = await Register(api);
        var wallet = await alice.FundedWallet(10_000);

        var voided = await Authorize(merchant, await alice.PaymentCode(wallet), 3_000, "HOTEL-1");
        await Json(await merchant.Send(HttpMethod.Post, $"/v1/merchant/authorizations/{voided}/void"), HttpStatusCode.OK);
        var captured = await Authorize(merchant, await alice.PaymentCode(wallet), 4_000, "FUEL-1");
        await Json(await merchant.Send(HttpMethod.Post, $"/v1/merchant/authorizations/{captured}/capture", """{"amount":2500}"""), HttpStatusCode.OK);

        await Eventually.Until(() => receiver.Accepted == 2, "two events");
        var byType = receiver.Received.ToDictionary(r => r.Type);
        Assert.Equal((voided, 3_000L), (Text(byType["authorization.voided"].Body, "data", "authorizationId"),
            byType["authorization.voided"].Body.GetProperty("data").GetProperty("amount").GetInt64()));
        Assert.Equal((captured, 2_500L, 4_000L), (Text(byType["payment.succeeded"].Body, "data", "paymentId"),
            byType["payment.succeeded"].Body.GetProperty("data").GetProperty("amount").GetInt64(),
            byType["payment.succeeded"].Body.GetProperty("data").GetProperty("authorizedAmount").GetInt64()));
        Assert.Equal(10_000 - 2_500, await alice.Balance(wallet));
    }

    [Fact]
    public async Task A_replayed_payment_announces_its_outcome_again_and_the_event_is_queued_once()
    {
        await using var receiver = await WebhookReceiver.Start();
        var merchant = await ApiMerchant.Onboard(api);
        var payer = await Register(api);
        var wallet = await payer.FundedWallet(1_000);
        var code = await Json(await merchant.Send(HttpMethod.Post, "/v1/merchant/qr-codes", """{"amount":600,"currency":"CNY"}"""), HttpStatusCode.Created);
        var body = new { qrPayload = code.GetProperty("payload").GetString(), fromWalletId = wallet, pin = TestData.Pin };
        var paid = await Json(await payer.Post("/v1/payments", body, "lost-answer"), HttpStatusCode.Created); // as if its announcement had been lost
        await Subscribe(merchant, receiver);

        await Json(await payer.Post("/v1/payments", body, "lost-answer"), HttpStatusCode.Created);
        await Json(await payer.Post("/v1/payments", body, "lost-answer"), HttpStatusCode.Created);

        await Eventually.Until(() => receiver.Accepted == 1, "the replayed payment's event");
        Assert.Equal(paid.GetProperty("paymentId").GetString(), Text(receiver.Received.Single().Body, "data", "paymentId"));
        Assert.Single(await Deliveries(merchant));
        Assert.Equal(400, await payer.Balance(wallet));
    }

    [Theory]
    [InlineData("""{"url":"ftp://127.0.0.1/hook"}""")]
    [InlineData("""{"url":"/relative/hook"}""")]
    [InlineData("""{"url":"https://user:secret@shop.example/hook"}""")]
    [InlineData("""{"url":"https://shop.example/hook#part"}""")]
    [InlineData("""{}""")]
    public async Task A_bad_endpoint_is_refused_and_changes_nothing(string body)
    {
        var merchant = await ApiMerchant.Onboard(api);
        await Subscribe(merchant, "https://shop.example/hook");

        var problem = await Problem(await merchant.Send(HttpMethod.Put, "/v1/merchant/webhook", body), HttpStatusCode.BadRequest, "validation_failed");

        Assert.True(problem.GetProperty("errors").TryGetProperty("url", out _));
        Assert.Equal("https://shop.example/hook", (await Json(await merchant.Send(HttpMethod.Get, "/v1/merchant/webhook"), HttpStatusCode.OK)).GetProperty("url").GetString());
    }

    private async Task<ApiMerchant> Subscribed(WebhookReceiver receiver, string? settlementCard = null)
    {
        var merchant = await ApiMerchant.Onboard(api, settlementCard: settlementCard);
        await Subscribe(merchant, receiver);
        return merchant;
    }

    private static async Task Subscribe(ApiMerchant merchant, WebhookReceiver receiver)
    {
        receiver.Secret = merchant.Secret;
        await Subscribe(merchant, receiver.Url);
    }

    private static async Task Subscribe(ApiMerchant merchant, string url)
        => await Json(await merchant.Send(HttpMethod.Put, "/v1/merchant/webhook", JsonSerializer.Serialize(new { url })), HttpStatusCode.OK);

    private static async Task<string> Authorize(ApiMerchant merchant, string paymentCode, long amount, string orderId)
        => (await Json(await merchant.Send(HttpMethod.Post, "/v1/merchant/authorizations", JsonSerializer.Serialize(new { paymentCode, amount, currency = "CNY", orderId })),
            HttpStatusCode.Created)).GetProperty("authorizationId").GetString()!;

    private static async Task<List<JsonElement>> Deliveries(ApiMerchant merchant)
        => [.. (await Json(await merchant.Send(HttpMethod.Get, "/v1/merchant/webhook-deliveries"), HttpStatusCode.OK)).GetProperty("items").EnumerateArray()];

    private static string? Text(JsonElement element, params string[] path)
        => path.Aggregate(element, (e, name) => e.GetProperty(name)).GetString();
}
