using System.Net;
using System.Text.Json;
using Wallet.Tests.Infrastructure;
using static Wallet.Tests.Infrastructure.ApiCustomer;

namespace Wallet.Tests.Merchants;

/// <summary>The code a customer's phone shows: the merchant charges it once; a large charge waits for the payer's PIN.</summary>
[Collection(ApiCollection.Name)]
public sealed class PaymentCodesApiTests(ApiFixture api)
{
    [Fact]
    public async Task A_small_charge_completes_at_once_and_the_code_pays_only_once()
    {
        var merchant = await ApiMerchant.Onboard(api);
        var alice = await Register(api);
        var wallet = await alice.FundedWallet(10_000);
        var code = await alice.PaymentCode(wallet);

        var paid = await Json(await Charge(merchant, code, 300, "O-1"), HttpStatusCode.Created);
        var replay = await Json(await Charge(merchant, code, 300, "O-1"), HttpStatusCode.Created);
        await Problem(await Charge(merchant, code, 300, "O-2"), HttpStatusCode.Conflict, "payment_code_used");
        await Problem(await Charge(merchant, code, 400, "O-1"), HttpStatusCode.UnprocessableEntity, "idempotency_key_reused");

        Assert.Equal("completed", paid.GetProperty("status").GetString());
        Assert.Equal(paid.GetProperty("paymentId").GetString(), replay.GetProperty("paymentId").GetString());
        Assert.Equal(9_700, await alice.Balance(wallet));
        Assert.Equal(300, await merchant.Balance());
        await Books.AssertBalanced(api, wallet, merchant.SettlementWalletId);
    }

    [Fact]
    public async Task A_charge_over_1000_yuan_waits_for_the_payers_pin_and_only_the_payer_confirms()
    {
        var merchant = await ApiMerchant.Onboard(api);
        var alice = await Register(api);
        var mallory = await Register(api);
        var wallet = await alice.FundedWallet(150_000);

        var pending = await Json(await Charge(merchant, await alice.PaymentCode(wallet), 100_001, "BIG-1"), HttpStatusCode.Accepted);
        var paymentId = pending.GetProperty("paymentId").GetString()!;
        Assert.Equal("pending_confirmation", pending.GetProperty("status").GetString());
        Assert.NotEqual(JsonValueKind.Null, pending.GetProperty("confirmBy").ValueKind);
        Assert.Equal(150_000, await alice.Balance(wallet));
        var waiting = (await Json(await alice.Http.GetAsync("/v1/me/pending-payments"), HttpStatusCode.OK)).GetProperty("items");
        Assert.Equal((paymentId, 100_001L, "Corner Shop"), (waiting[0].GetProperty("paymentId").GetString(), waiting[0].GetProperty("amount").GetInt64(),
            waiting[0].GetProperty("merchantName").GetString()));
        Assert.Equal(0, (await Json(await mallory.Http.GetAsync("/v1/me/pending-payments"), HttpStatusCode.OK)).GetProperty("items").GetArrayLength());
        var told = (await Json(await alice.Http.GetAsync("/v1/me/notifications"), HttpStatusCode.OK)).GetProperty("items")[0];
        Assert.Equal(("payment_to_confirm", paymentId), (told.GetProperty("kind").GetString(), told.GetProperty("reference").GetString()));
        Assert.Contains("Corner Shop asks you to pay 1,000.01 CNY", told.GetProperty("body").GetString(), StringComparison.Ordinal);

        await Problem(await mallory.Post($"/v1/payments/{paymentId}/confirm", new { pin = TestData.Pin }), HttpStatusCode.NotFound, "not_found");
        await Problem(await alice.Post($"/v1/payments/{paymentId}/confirm", new { pin = "000000" }), HttpStatusCode.Forbidden, "invalid_pin");
        var confirmed = await Json(await alice.Post($"/v1/payments/{paymentId}/confirm", new { pin = TestData.Pin }), HttpStatusCode.OK);
        await Json(await alice.Post($"/v1/payments/{paymentId}/confirm", new { pin = TestData.Pin }), HttpStatusCode.OK);
        var merchantView = await Json(await Charge(merchant, "280000000000000000", 100_001, "BIG-1"), HttpStatusCode.UnprocessableEntity);

        Assert.Equal("completed", confirmed.GetProperty("status").GetString());
        Assert.Equal(0, (await Json(await alice.Http.GetAsync("/v1/me/pending-payments"), HttpStatusCode.OK)).GetProperty("items").GetArrayLength());
        Assert.Equal("idempotency_key_reused", merchantView.GetProperty("code").GetString()); // another request under the same order
        Assert.Equal(49_999, await alice.Balance(wallet));
        Assert.Equal(100_001, await merchant.Balance());
        await Books.AssertBalanced(api, wallet, merchant.SettlementWalletId);
    }

    [Fact]
    public async Task Bad_codes_are_refused_and_nothing_moves()
    {
        var merchant = await ApiMerchant.Onboard(api);
        var alice = await Register(api);
        var mallory = await Register(api);
        var wallet = await alice.FundedWallet(1_000);

        await Problem(await Charge(merchant, "12345", 100, "B-1"), HttpStatusCode.BadRequest, "validation_failed");
        await Problem(await Charge(merchant, "280000000000000001", 100, "B-2"), HttpStatusCode.UnprocessableEntity, "invalid_payment_code");
        await Problem(await mallory.Post("/v1/me/payment-codes", new { walletId = wallet }), HttpStatusCode.NotFound, "not_found");
        await Problem(await merchant.Send(HttpMethod.Post, "/v1/merchant/charges", """{"paymentCode":"280000000000000001","amount":100,"currency":"CNY"}"""),
            HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(1_000, await alice.Balance(wallet));
    }


    private static Task<HttpResponseMessage> Charge(ApiMerchant merchant, string code, long amount, string orderId)
        => merchant.Send(HttpMethod.Post, "/v1/merchant/charges", JsonSerializer.Serialize(new { paymentCode = code, amount, currency = "CNY", orderId }));
}
