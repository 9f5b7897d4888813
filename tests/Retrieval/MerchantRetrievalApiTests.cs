using System.Net;
using System.Text.Json;
using Wallet.Tests.Infrastructure;
using static Wallet.Tests.Infrastructure.ApiCustomer;

namespace Wallet.Tests.Retrieval;

/// <summary>
/// A merchant retrieves its payments, authorisations and refunds by id and by its order id (as a trade
/// query); another merchant's id answers 404, the same as an unknown or a malformed one.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class MerchantRetrievalApiTests(ApiFixture api)
{
    [Fact]
    public async Task A_charge_is_found_by_id_and_by_order_id_by_its_merchant_only()
    {
        var merchant = await ApiMerchant.Onboard(api);
        var other = await ApiMerchant.Onboard(api);
        var alice = await Register(api);
        var wallet = await alice.FundedWallet(10_000);

        var charged = await Json(await Post(merchant, "/v1/merchant/charges", new { paymentCode = await alice.PaymentCode(wallet), amount = 1_200, currency = "CNY", orderId = "TILL-1" }),
            HttpStatusCode.Created);
        var id = charged.GetProperty("paymentId").GetString()!;

        var byId = await Json(await merchant.Send(HttpMethod.Get, $"/v1/merchant/payments/{id}"), HttpStatusCode.OK);
        var byOrder = await Json(await merchant.Send(HttpMethod.Get, "/v1/merchant/orders/TILL-1/payment"), HttpStatusCode.OK);
        Assert.Equal((id, "completed", 1_200L, "TILL-1", wallet), (byId.GetProperty("paymentId").GetString(), byId.GetProperty("status").GetString(),
            byId.GetProperty("amount").GetInt64(), byId.GetProperty("orderId").GetString(), byId.GetProperty("from").GetProperty("walletId").GetString()));
        Assert.Equal(byId.ToString(), byOrder.ToString());

        await Problem(await other.Send(HttpMethod.Get, $"/v1/merchant/payments/{id}"), HttpStatusCode.NotFound, "not_found");
        await Problem(await other.Send(HttpMethod.Get, "/v1/merchant/orders/TILL-1/payment"), HttpStatusCode.NotFound, "not_found");
        await Problem(await merchant.Send(HttpMethod.Get, "/v1/merchant/payments/ch_unknown"), HttpStatusCode.NotFound, "not_found");
        await Problem(await merchant.Send(HttpMethod.Get, "/v1/merchant/orders/NO-SUCH-ORDER/payment"), HttpStatusCode.NotFound, "not_found");
        await Problem(await merchant.Send(HttpMethod.Get, "/v1/merchant/payments/%20"), HttpStatusCode.NotFound, "not_found");
        await Problem(await merchant.Send(HttpMethod.Get, $"/v1/merchant/authorizations/{id}"), HttpStatusCode.NotFound, "not_found"); // a charge is no authorisation
    }

    [Fact]
    public async Task A_qr_payment_is_found_by_id_and_by_the_order_id_of_its_dynamic_code()
    {
        var merchant = await ApiMerchant.Onboard(api);
        var other = await ApiMerchant.Onboard(api);
        var (_, wallet, id) = await merchant.PaidBy(api, 880, orderId: "QR-7");

        var byId = await Json(await merchant.Send(HttpMethod.Get, $"/v1/merchant/payments/{id}"), HttpStatusCode.OK);
        var byOrder = await Json(await merchant.Send(HttpMethod.Get, "/v1/merchant/orders/QR-7/payment"), HttpStatusCode.OK);
        Assert.Equal((id, "completed", 880L, "QR-7", wallet), (byId.GetProperty("paymentId").GetString(), byId.GetProperty("status").GetString(),
            byId.GetProperty("amount").GetInt64(), byId.GetProperty("orderId").GetString(), byId.GetProperty("from").GetProperty("walletId").GetString()));
        Assert.Equal(id, byOrder.GetProperty("paymentId").GetString());

        await Problem(await other.Send(HttpMethod.Get, $"/v1/merchant/payments/{id}"), HttpStatusCode.NotFound, "not_found");
        await Problem(await other.Send(HttpMethod.Get, "/v1/merchant/orders/QR-7/payment"), HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task An_authorisation_is_found_by_id_and_by_order_id_as_it_is_now()
    {
        var merchant = await ApiMerchant.Onboard(api);
        var other = await ApiMerchant.Onboard(api);
        var alice = await Register(api);
        var wallet = await alice.FundedWallet(10_000);
        var held = await Json(await Post(merchant, "/v1/merchant/authorizations", new { paymentCode = await alice.PaymentCode(wallet), amount = 5_000, currency = "CNY", orderId = "ROOM-2" }),
            HttpStatusCode.Created);
        var id = held.GetProperty("authorizationId").GetString()!;

        Assert.Equal("authorized", (await Json(await merchant.Send(HttpMethod.Get, $"/v1/merchant/authorizations/{id}"), HttpStatusCode.OK)).GetProperty("status").GetString());
        await Json(await Post(merchant, $"/v1/merchant/authorizations/{id}/capture", new { amount = 3_000 }), HttpStatusCode.OK);

        var byId = await Json(await merchant.Send(HttpMethod.Get, $"/v1/merchant/authorizations/{id}"), HttpStatusCode.OK);
        var byOrder = await Json(await merchant.Send(HttpMethod.Get, "/v1/merchant/orders/ROOM-2/authorization"), HttpStatusCode.OK);
        Assert.Equal((id, "completed", 5_000L, 3_000L), (byId.GetProperty("authorizationId").GetString(), byId.GetProperty("status").GetString(),
            byId.GetProperty("amount").GetInt64(), byId.GetProperty("captured").GetInt64()));
        Assert.Equal(byId.ToString(), byOrder.ToString());

        await Problem(await other.Send(HttpMethod.Get, $"/v1/merchant/authorizations/{id}"), HttpStatusCode.NotFound, "not_found");
        await Problem(await other.Send(HttpMethod.Get, "/v1/merchant/orders/ROOM-2/authorization"), HttpStatusCode.NotFound, "not_found");
        await Problem(await merchant.Send(HttpMethod.Get, "/v1/merchant/authorizations/au_unknown"), HttpStatusCode.NotFound, "not_found");
        await Problem(await merchant.Send(HttpMethod.Get, $"/v1/merchant/payments/{id}"), HttpStatusCode.NotFound, "not_found"); // an authorisation, under its own route
    }

    [Fact]
    public async Task A_payments_refunds_are_listed_oldest_first_and_each_is_found_by_id()
    {
        var merchant = await ApiMerchant.Onboard(api);
        var other = await ApiMerchant.Onboard(api);
        var (_, _, paymentId) = await merchant.PaidBy(api, 1_000);
        var first = (await Json(await merchant.Refund(paymentId, 300, "rf-a"), HttpStatusCode.Created)).GetProperty("refundId").GetString()!;
        var second = (await Json(await merchant.Refund(paymentId, 200, "rf-b"), HttpStatusCode.Created)).GetProperty("refundId").GetString()!;
        await Json(await merchant.Refund(paymentId, 300, "rf-a"), HttpStatusCode.Created); // a replay is no new refund

        var listed = await Json(await merchant.Send(HttpMethod.Get, $"/v1/merchant/payments/{paymentId}/refunds"), HttpStatusCode.OK);
        Assert.Equal([(first, 300L), (second, 200L)], listed.GetProperty("items").EnumerateArray()
            .Select(r => (r.GetProperty("refundId").GetString()!, r.GetProperty("amount").GetInt64())));
        var one = await Json(await merchant.Send(HttpMethod.Get, $"/v1/merchant/refunds/{second}"), HttpStatusCode.OK);
        Assert.Equal((second, "completed", paymentId, 200L), (one.GetProperty("refundId").GetString(), one.GetProperty("status").GetString(),
            one.GetProperty("paymentId").GetString(), one.GetProperty("amount").GetInt64()));

        await Problem(await other.Send(HttpMethod.Get, $"/v1/merchant/payments/{paymentId}/refunds"), HttpStatusCode.NotFound, "not_found");
        await Problem(await other.Send(HttpMethod.Get, $"/v1/merchant/refunds/{second}"), HttpStatusCode.NotFound, "not_found");
        await Problem(await merchant.Send(HttpMethod.Get, "/v1/merchant/refunds/rf_unknown"), HttpStatusCode.NotFound, "not_found");
        await Problem(await merchant.Send(HttpMethod.Get, "/v1/merchant/payments/py_unknown/refunds"), HttpStatusCode.NotFound, "not_found");
        await Problem(await merchant.Send(HttpMethod.Get, $"/v1/merchant/refunds/{paymentId}"), HttpStatusCode.NotFound, "not_found"); // a payment is no refund
    }

    [Fact]
    public async Task Qr_codes_campaigns_coupons_and_settlements_are_their_merchants_alone()
    {
        var merchant = await ApiMerchant.Onboard(api, settlementCard: TestData.Card());
        var other = await ApiMerchant.Onboard(api);
        var (alice, _, _) = await merchant.PaidBy(api, 500);
        var qr = (await Json(await Post(merchant, "/v1/merchant/qr-codes", new { currency = "CNY" }), HttpStatusCode.Created)).GetProperty("qrCodeId").GetString()!;
        var campaign = (await Json(await Post(merchant, "/v1/merchant/campaigns", new { name = "Mine", kind = "cashback", cashback = 100, couponOnly = true, budget = 1_000, endsAt = DateTimeOffset.UtcNow.AddDays(1) }),
            HttpStatusCode.Created)).GetProperty("campaignId").GetString()!;
        var coupon = (await Json(await Post(merchant, $"/v1/merchant/campaigns/{campaign}/coupons", new { phone = alice.Phone }), HttpStatusCode.Created)).GetProperty("couponId").GetString()!;
        var settlement = (await Json(await merchant.Send(HttpMethod.Post, "/v1/merchant/settlements"), HttpStatusCode.Created)).GetProperty("settlementId").GetString()!;

        foreach (var path in new[] { $"/v1/merchant/qr-codes/{qr}", $"/v1/merchant/campaigns/{campaign}", $"/v1/merchant/campaigns/{campaign}/coupons/{coupon}", $"/v1/merchant/settlements/{settlement}" })
        {
            await Json(await merchant.Send(HttpMethod.Get, path), HttpStatusCode.OK);
            await Problem(await other.Send(HttpMethod.Get, path), HttpStatusCode.NotFound, "not_found");
        }
        await Problem(await merchant.Send(HttpMethod.Get, "/v1/merchant/qr-codes/qr_unknown"), HttpStatusCode.NotFound, "not_found");
        await Problem(await merchant.Send(HttpMethod.Get, "/v1/merchant/campaigns/cmp_unknown"), HttpStatusCode.NotFound, "not_found");
        await Problem(await merchant.Send(HttpMethod.Get, $"/v1/merchant/campaigns/cmp_unknown/coupons/{coupon}"), HttpStatusCode.NotFound, "not_found");
        await Problem(await merchant.Send(HttpMethod.Get, "/v1/merchant/settlements/stl_unknown"), HttpStatusCode.NotFound, "not_found");
        await Books.AssertBalanced(api, merchant.SettlementWalletId);
    }

    private static Task<HttpResponseMessage> Post(ApiMerchant merchant, string path, object body)
        => merchant.Send(HttpMethod.Post, path, JsonSerializer.Serialize(body));
}
