using System.Net;
using System.Text.Json;
using Wallet.Tests.Infrastructure;
using static Wallet.Tests.Infrastructure.ApiCustomer;

namespace Wallet.Tests.Merchants;

/// <summary>The customer scans the merchant's QR code: the PNG read as a phone would, the payload paid, the books exact.</summary>
[Collection(ApiCollection.Name)]
public sealed class QrPaymentsApiTests(ApiFixture api)
{
    [Fact]
    public async Task A_dynamic_code_read_from_its_png_pays_the_merchant_once()
    {
        var merchant = await ApiMerchant.Onboard(api, name: "Lao Wang Noodles", category: "5812");
        var alice = await Register(api);
        var wallet = await alice.FundedWallet(10_000);

        var code = await Issue(merchant, """{"amount":1250,"currency":"CNY","orderId":"A-1001","expiresIn":600}""");
        var scanned = QrImages.Read(Convert.FromBase64String(code.GetProperty("image").GetString()!));
        Assert.Equal(code.GetProperty("payload").GetString(), scanned);

        var paid = await Json(await alice.Post("/v1/payments", new { qrPayload = scanned, fromWalletId = wallet, pin = TestData.Pin }, "noodles"), HttpStatusCode.Created);
        Assert.Equal(("completed", merchant.Id, "A-1001", 1_250L),
            (paid.GetProperty("status").GetString(), paid.GetProperty("to").GetProperty("merchantId").GetString(), paid.GetProperty("orderId").GetString(), paid.GetProperty("amount").GetInt64()));
        await Json(await alice.Post("/v1/payments", new { qrPayload = scanned, fromWalletId = wallet, pin = TestData.Pin }, "noodles"), HttpStatusCode.Created); // a replay
        await Problem(await alice.Post("/v1/payments", new { qrPayload = scanned, fromWalletId = wallet, pin = TestData.Pin }, "noodles-again"), HttpStatusCode.Conflict, "qr_code_used");

        Assert.Equal(8_750, await alice.Balance(wallet));
        Assert.Equal(1_250, await merchant.Balance());
        var entry = (await Json(await alice.Http.GetAsync($"/v1/wallets/{wallet}/transactions?kind=payment"), HttpStatusCode.OK)).GetProperty("items")[0];
        // The payer's entry names the merchant it paid, as the payment does, not the merchant's settlement wallet.
        Assert.Equal(("Lao Wang Noodles A-1001", merchant.Id, JsonValueKind.Null),
            (entry.GetProperty("memo").GetString(), entry.GetProperty("counterparty").GetProperty("merchantId").GetString(), entry.GetProperty("counterparty").GetProperty("walletId").ValueKind));
        var received = (await Json(await merchant.Send(HttpMethod.Get, "/v1/merchant/payments"), HttpStatusCode.OK)).GetProperty("items")[0];
        Assert.Equal(wallet, received.GetProperty("from").GetProperty("walletId").GetString());
        await Books.AssertBalanced(api, wallet, merchant.SettlementWalletId);
    }

    [Fact]
    public async Task A_payment_refused_for_want_of_funds_leaves_a_dynamic_code_payable()
    {
        var merchant = await ApiMerchant.Onboard(api);
        var (poor, rich) = (await Register(api), await Register(api));
        var (poorWallet, richWallet) = (await poor.FundedWallet(1_000), await rich.FundedWallet(10_000));
        var payload = (await Issue(merchant, """{"amount":5000,"currency":"CNY"}""")).GetProperty("payload").GetString()!;

        var refused = await Problem(await poor.Post("/v1/payments", new { qrPayload = payload, fromWalletId = poorWallet, pin = TestData.Pin }, "short"), HttpStatusCode.UnprocessableEntity, "insufficient_funds");
        await Json(await rich.Post("/v1/payments", new { qrPayload = payload, fromWalletId = richWallet, pin = TestData.Pin }, "paid"), HttpStatusCode.Created);
        // A refused payment is the payer's alone: the merchant cannot learn of it through its refunds either.
        await Problem(await merchant.Send(HttpMethod.Get, $"/v1/merchant/payments/{refused.GetProperty("movementId").GetString()}/refunds"), HttpStatusCode.NotFound, "not_found");

        Assert.Equal((1_000L, 5_000L), (await poor.Balance(poorWallet), await rich.Balance(richWallet)));
        await Books.AssertBalanced(api, poorWallet, richWallet, merchant.SettlementWalletId);
    }

    [Fact]
    public async Task A_static_code_takes_the_amount_the_customer_enters_any_number_of_times()
    {
        var merchant = await ApiMerchant.Onboard(api);
        var alice = await Register(api);
        var wallet = await alice.FundedWallet(10_000);
        var payload = (await Issue(merchant, """{"currency":"CNY"}""")).GetProperty("payload").GetString()!;

        await Json(await alice.Post("/v1/payments", new { qrPayload = payload, fromWalletId = wallet, amount = 300, pin = TestData.Pin }, "one"), HttpStatusCode.Created);
        await Json(await alice.Post("/v1/payments", new { qrPayload = payload, fromWalletId = wallet, amount = 450, pin = TestData.Pin }, "two"), HttpStatusCode.Created);
        await Problem(await alice.Post("/v1/payments", new { qrPayload = payload, fromWalletId = wallet, pin = TestData.Pin }, "no-amount"), HttpStatusCode.BadRequest, "validation_failed");

        Assert.Equal(9_250, await alice.Balance(wallet));
        Assert.Equal(750, await merchant.Balance());
        await Books.AssertBalanced(api, wallet, merchant.SettlementWalletId);
    }

    [Fact]
    public async Task An_altered_or_foreign_payload_or_another_amount_is_refused_and_nothing_moves()
    {
        var merchant = await ApiMerchant.Onboard(api);
        var alice = await Register(api);
        var wallet = await alice.FundedWallet(10_000);
        var payload = (await Issue(merchant, """{"amount":1250,"currency":"CNY"}""")).GetProperty("payload").GetString()!;

        await Problem(await alice.Post("/v1/payments", new { qrPayload = payload.Replace("12.50", "00.50", StringComparison.Ordinal), fromWalletId = wallet, pin = TestData.Pin }, "t1"),
            HttpStatusCode.UnprocessableEntity, "invalid_qr_code");
        await Problem(await alice.Post("/v1/payments", new { qrPayload = "00020101021163041234", fromWalletId = wallet, pin = TestData.Pin }, "t2"),
            HttpStatusCode.UnprocessableEntity, "invalid_qr_code");
        await Problem(await alice.Post("/v1/payments", new { qrPayload = payload, fromWalletId = wallet, amount = 1, pin = TestData.Pin }, "t3"),
            HttpStatusCode.BadRequest, "validation_failed");
        await Problem(await alice.Post("/v1/payments", new { qrPayload = payload, fromWalletId = wallet, pin = "000000" }, "t4"), HttpStatusCode.Forbidden, "invalid_pin");

        Assert.Equal(10_000, await alice.Balance(wallet));
        Assert.Equal(0, await merchant.Balance());
    }

    [Fact]
    public async Task The_same_order_id_gives_the_same_code_and_another_request_under_it_is_refused()
    {
        var merchant = await ApiMerchant.Onboard(api);

        var first = await Issue(merchant, """{"amount":500,"currency":"CNY","orderId":"B-7"}""");
        var again = await Issue(merchant, """{"amount":500,"currency":"CNY","orderId":"B-7"}""");

        Assert.Equal(first.GetProperty("qrCodeId").GetString(), again.GetProperty("qrCodeId").GetString());
        await Problem(await merchant.Send(HttpMethod.Post, "/v1/merchant/qr-codes", """{"amount":900,"currency":"CNY","orderId":"B-7"}"""),
            HttpStatusCode.UnprocessableEntity, "idempotency_key_reused");
        await Problem(await merchant.Send(HttpMethod.Post, "/v1/merchant/qr-codes", """{"currency":"CNY","expiresIn":60}"""), HttpStatusCode.BadRequest, "validation_failed");
        await Problem(await merchant.Send(HttpMethod.Post, "/v1/merchant/qr-codes", """{"amount":0,"currency":"CNY"}"""), HttpStatusCode.BadRequest, "validation_failed");
    }

    private static async Task<JsonElement> Issue(ApiMerchant merchant, string body)
        => await Json(await merchant.Send(HttpMethod.Post, "/v1/merchant/qr-codes", body), HttpStatusCode.Created);
}
