using System.Net;
using System.Text.Json;
using Wallet.Merchants;
using Wallet.Tests.Infrastructure;
using static Wallet.Tests.Infrastructure.ApiCustomer;

namespace Wallet.Tests.Merchants;

/// <summary>
/// A merchant has a currency, chosen at onboarding (the home currency, CNY, unless it asks for another the
/// bank offers): its settlement wallet, QR codes, charges and settlements are all in it, and nothing else.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class MerchantCurrencyApiTests(ApiFixture api)
{
    [Fact]
    public async Task A_merchant_onboarded_in_hkd_is_paid_by_an_hkd_qr_code_from_an_hkd_wallet_and_settles_in_hkd()
    {
        var merchant = await ApiMerchant.Onboard(api, name: "Kowloon Tea", city: "Hong Kong", settlementCard: TestData.Card(), currency: "HKD");
        var payer = await Register(api);
        var wallet = await payer.OpenWallet("HKD");
        await Json(await payer.Post($"/v1/wallets/{wallet}/top-ups", new { cardId = await payer.BindVerifiedCard(), amount = 50_000, currency = "HKD" }, "hkd-fund"),
            HttpStatusCode.Created);

        var code = await Json(await merchant.Send(HttpMethod.Post, "/v1/merchant/qr-codes", JsonSerializer.Serialize(new { amount = 12_000, currency = "HKD" })),
            HttpStatusCode.Created);
        var paid = await Json(await payer.Post("/v1/payments", new { qrPayload = code.GetProperty("payload").GetString(), fromWalletId = wallet, pin = TestData.Pin }, "pay-hkd"),
            HttpStatusCode.Created);

        Assert.Equal("HKD", code.GetProperty("currency").GetString());
        Assert.Equal("HKD", MerchantQrPayload.Decode(code.GetProperty("payload").GetString())!.Currency); // tag 53 says 344
        Assert.Equal((12_000L, "HKD"), (paid.GetProperty("amount").GetInt64(), paid.GetProperty("currency").GetString()));
        var me = await Json(await merchant.Send(HttpMethod.Get, "/v1/merchant/me"), HttpStatusCode.OK);
        Assert.Equal((12_000L, "HKD"), (me.GetProperty("balance").GetInt64(), me.GetProperty("currency").GetString()));
        Assert.Equal(50_000L - 12_000, await payer.Balance(wallet));

        var settled = await Json(await merchant.Send(HttpMethod.Post, "/v1/merchant/settlements"), HttpStatusCode.Created);

        Assert.Equal((12_000L, 45L, "HKD"), (settled.GetProperty("gross").GetInt64(), settled.GetProperty("fee").GetInt64(), settled.GetProperty("currency").GetString()));
        Assert.Equal(0, await merchant.Balance());
        await Operator.AssertBooksBalance(api);
    }

    [Fact]
    public async Task A_cny_wallet_pays_a_hong_kong_shops_code_at_the_banks_rate_and_a_refund_comes_back_in_cny()
    {
        var merchant = await ApiMerchant.Onboard(api, name: "Kowloon Noodles", category: "5812", city: "Hong Kong", currency: "HKD");
        var payer = await Register(api);
        var wallet = await payer.FundedWallet(50_000);
        var code = await Json(await merchant.Send(HttpMethod.Post, "/v1/merchant/qr-codes", JsonSerializer.Serialize(new { amount = 8_800, currency = "HKD" })),
            HttpStatusCode.Created);
        var rate = (await Json(await payer.Http.GetAsync("/v1/fx/rates/CNY-HKD"), HttpStatusCode.OK)).GetProperty("buy").GetDecimal();

        var paid = await Json(await payer.Post("/v1/payments", new { qrPayload = code.GetProperty("payload").GetString(), fromWalletId = wallet, pin = TestData.Pin }, "pay-abroad"),
            HttpStatusCode.Created);

        // The merchant gets its HK$88.00; the wallet pays that at the bank's buy rate of the moment, rounded up to the fen.
        Assert.Equal((8_800L, "HKD"), (paid.GetProperty("amount").GetInt64(), paid.GetProperty("currency").GetString()));
        var exchange = paid.GetProperty("exchange");
        var (cny, used) = (exchange.GetProperty("amount").GetInt64(), exchange.GetProperty("rate").GetDecimal());
        Assert.Equal("CNY", exchange.GetProperty("currency").GetString());
        Assert.InRange(used, rate * 0.99m, rate * 1.01m); // the feed may have moved a tick between the two reads
        Assert.Equal((long)decimal.Ceiling(8_800 / used), cny);
        Assert.Equal((50_000L - cny, 8_800L), (await payer.Balance(wallet), await merchant.Balance()));
        var entry = (await Json(await payer.Http.GetAsync($"/v1/wallets/{wallet}/transactions?kind=payment"), HttpStatusCode.OK)).GetProperty("items")[0];
        Assert.Equal((cny, "CNY", "dining"), (entry.GetProperty("amount").GetInt64(), entry.GetProperty("currency").GetString(), entry.GetProperty("category").GetString()));
        Assert.Contains("88.00 HKD", entry.GetProperty("memo").GetString(), StringComparison.Ordinal);

        // A refund gives back HK$30.00; the wallet gets what that buys at the refund's moment, rounded down.
        var refund = await Json(await merchant.Refund(paid.GetProperty("paymentId").GetString()!, 3_000, "refund-abroad"), HttpStatusCode.Created);
        Assert.Equal((3_000L, "HKD"), (refund.GetProperty("amount").GetInt64(), refund.GetProperty("currency").GetString()));
        var back = (await Json(await payer.Http.GetAsync($"/v1/wallets/{wallet}/transactions?kind=refund"), HttpStatusCode.OK)).GetProperty("items")[0];
        Assert.Equal("CNY", back.GetProperty("currency").GetString());
        Assert.InRange(back.GetProperty("amount").GetInt64(), 2_600, 2_900); // HK$30 at about ¥0.92, less the spread
        Assert.Equal((50_000L - cny + back.GetProperty("amount").GetInt64(), 5_800L), (await payer.Balance(wallet), await merchant.Balance()));
        await Operator.AssertBooksBalance(api); // the FX positions in CNY and HKD make up each side
    }

    [Fact]
    public async Task A_hong_kong_till_charges_the_payment_code_of_a_cny_wallet_at_the_banks_rate()
    {
        var merchant = await ApiMerchant.Onboard(api, name: "Kowloon Bakery", category: "5462", city: "Hong Kong", currency: "HKD");
        var payer = await Register(api);
        var wallet = await payer.FundedWallet(50_000);

        var charged = await Json(await merchant.Send(HttpMethod.Post, "/v1/merchant/charges",
            JsonSerializer.Serialize(new { paymentCode = await payer.PaymentCode(wallet), amount = 2_450, currency = "HKD", orderId = "egg-tarts" })), HttpStatusCode.Created);

        Assert.Equal(("completed", 2_450L, "HKD"), (charged.GetProperty("status").GetString(), charged.GetProperty("amount").GetInt64(), charged.GetProperty("currency").GetString()));
        var mine = await Json(await payer.Http.GetAsync($"/v1/payments/{charged.GetProperty("paymentId").GetString()}"), HttpStatusCode.OK);
        var exchange = mine.GetProperty("exchange");
        var cny = exchange.GetProperty("amount").GetInt64();
        Assert.Equal("CNY", exchange.GetProperty("currency").GetString());
        Assert.Equal((long)decimal.Ceiling(2_450 / exchange.GetProperty("rate").GetDecimal()), cny); // the price converted, rounded up
        Assert.Equal((50_000L - cny, 2_450L), (await payer.Balance(wallet), await merchant.Balance()));
        await Operator.AssertBooksBalance(api);
    }

    [Fact]
    public async Task An_hkd_merchant_refuses_a_cny_qr_code_and_a_cny_charge_naming_its_currency_and_nothing_moves()
    {
        var merchant = await ApiMerchant.Onboard(api, name: "Kowloon Tea", city: "Hong Kong", currency: "HKD");
        var payer = await Register(api);
        var wallet = await payer.OpenWallet("HKD");
        await Json(await payer.Post($"/v1/wallets/{wallet}/top-ups", new { cardId = await payer.BindVerifiedCard(), amount = 20_000, currency = "HKD" }, "hkd-fund"),
            HttpStatusCode.Created);

        var qr = await Problem(await merchant.Send(HttpMethod.Post, "/v1/merchant/qr-codes", JsonSerializer.Serialize(new { amount = 1_000, currency = "CNY" })),
            HttpStatusCode.BadRequest, "validation_failed");
        var charge = await Problem(await merchant.Send(HttpMethod.Post, "/v1/merchant/charges",
            JsonSerializer.Serialize(new { paymentCode = await payer.PaymentCode(wallet), amount = 1_000, currency = "CNY", orderId = "cny-1" })),
            HttpStatusCode.BadRequest, "validation_failed");

        Assert.Contains("HKD", qr.GetProperty("errors").GetProperty("currency")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("HKD", charge.GetProperty("errors").GetProperty("currency")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal((20_000L, 0L), (await payer.Balance(wallet), await merchant.Balance()));
        await Json(await merchant.Send(HttpMethod.Post, "/v1/merchant/charges",
            JsonSerializer.Serialize(new { paymentCode = await payer.PaymentCode(wallet), amount = 1_000, currency = "HKD", orderId = "hkd-1" })), HttpStatusCode.Created);
        Assert.Equal((19_000L, 1_000L), (await payer.Balance(wallet), await merchant.Balance()));
        await Operator.AssertBooksBalance(api);
    }

    [Fact]
    public async Task An_hkd_merchant_cannot_hold_money_in_a_cny_wallet()
    {
        var merchant = await ApiMerchant.Onboard(api, name: "Harbour Hotel", city: "Hong Kong", currency: "HKD");
        var payer = await Register(api);
        var wallet = await payer.FundedWallet(50_000);

        await Problem(await merchant.Send(HttpMethod.Post, "/v1/merchant/authorizations",
            JsonSerializer.Serialize(new { paymentCode = await payer.PaymentCode(wallet), amount = 20_000, currency = "HKD", orderId = "room-1" })),
            HttpStatusCode.UnprocessableEntity, "currency_mismatch");

        var held = await Json(await payer.Http.GetAsync($"/v1/wallets/{wallet}"), HttpStatusCode.OK);
        Assert.Equal((50_000L, 50_000L), (held.GetProperty("balance").GetInt64(), held.GetProperty("available").GetInt64()));
    }

    [Fact]
    public async Task A_merchant_onboarded_without_a_currency_is_in_cny_and_says_so()
    {
        var merchant = await ApiMerchant.Onboard(api);

        var me = await Json(await merchant.Send(HttpMethod.Get, "/v1/merchant/me"), HttpStatusCode.OK);

        Assert.Equal("CNY", me.GetProperty("currency").GetString());
        await Problem(await merchant.Send(HttpMethod.Post, "/v1/merchant/qr-codes", JsonSerializer.Serialize(new { amount = 1_000, currency = "HKD" })),
            HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task Onboarding_in_a_currency_the_wallet_does_not_hold_is_a_400_and_onboards_nobody()
    {
        var refused = await Problem(await (await Operator.SignIn(api)).PostAsync("/v1/merchants",
            new StringContent("""{"name":"Shop","category":"5411","city":"Shanghai","currency":"XAU"}""", System.Text.Encoding.UTF8, "application/json")),
            HttpStatusCode.BadRequest, "validation_failed");

        Assert.True(refused.GetProperty("errors").TryGetProperty("currency", out _));
    }
}
