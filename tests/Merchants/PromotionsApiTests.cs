using System.Net;
using System.Text.Json;
using Wallet.Tests.Infrastructure;
using static Wallet.Tests.Infrastructure.ApiCustomer;

namespace Wallet.Tests.Merchants;

/// <summary>Campaigns applied inside the payment: discounts, cashback, points and coupons, with the books exact after each.</summary>
[Collection(ApiCollection.Name)]
public sealed class PromotionsApiTests(ApiFixture api)
{
    [Fact]
    public async Task A_discount_takes_its_percentage_up_to_the_cap_from_payments_of_the_minimum_spend()
    {
        var merchant = await ApiMerchant.Onboard(api);
        var campaign = await Launch(merchant, new { name = "Spring 20% off", kind = "discount", percentOff = 20, maxDiscount = 500, minSpend = 1_000, budget = 100_000, endsAt = InAWeek });
        var (alice, wallet, code) = await Payer(merchant, 10_000);

        var capped = await Pay(alice, wallet, code, 3_000, "p1");
        var small = await Pay(alice, wallet, code, 2_000, "p2");
        var below = await Pay(alice, wallet, code, 999, "p3");

        Assert.Equal((2_500L, 3_000L, 500L), (capped.GetProperty("amount").GetInt64(), Promotion(capped).GetProperty("price").GetInt64(), Promotion(capped).GetProperty("discount").GetInt64()));
        Assert.Equal((1_600L, 400L), (small.GetProperty("amount").GetInt64(), Promotion(small).GetProperty("discount").GetInt64()));
        Assert.Equal((999L, JsonValueKind.Null), (below.GetProperty("amount").GetInt64(), below.GetProperty("promotion").ValueKind));
        Assert.Equal(10_000 - 2_500 - 1_600 - 999, await alice.Balance(wallet));
        Assert.Equal(2_500 + 1_600 + 999, await merchant.Balance());
        Assert.Equal(900, (await Campaign(merchant, campaign)).GetProperty("spent").GetInt64());
        await Books.AssertBalanced(api, wallet, merchant.SettlementWalletId);
    }

    [Fact]
    public async Task Cashback_comes_back_to_the_payer_once_per_customer_and_refunds_stop_at_what_the_merchant_kept()
    {
        var merchant = await ApiMerchant.Onboard(api);
        await Launch(merchant, new { name = "Back ¥2", kind = "cashback", cashback = 200, minSpend = 1_000, perCustomerLimit = 1, budget = 20_000, endsAt = InAWeek });
        var (alice, wallet, code) = await Payer(merchant, 10_000);

        var first = await Pay(alice, wallet, code, 1_500, "c1");
        var second = await Pay(alice, wallet, code, 1_500, "c2");

        Assert.Equal((1_500L, 200L), (first.GetProperty("amount").GetInt64(), Promotion(first).GetProperty("cashback").GetInt64()));
        Assert.Equal(JsonValueKind.Null, second.GetProperty("promotion").ValueKind);
        Assert.Equal(10_000 - 1_500 + 200 - 1_500, await alice.Balance(wallet));
        Assert.Equal(1_300 + 1_500, await merchant.Balance());
        var cashback = await Json(await alice.Http.GetAsync($"/v1/wallets/{wallet}/transactions?kind=cashback"), HttpStatusCode.OK);
        Assert.Equal((200L, "Back ¥2"), (cashback.GetProperty("items")[0].GetProperty("amount").GetInt64(), cashback.GetProperty("items")[0].GetProperty("memo").GetString()));

        var paymentId = first.GetProperty("paymentId").GetString();
        await Problem(await merchant.Refund(paymentId!, 1_301, "r1"), HttpStatusCode.UnprocessableEntity, "refund_exceeds_payment");
        await Json(await merchant.Refund(paymentId!, 1_300, "r2"), HttpStatusCode.Created);
        Assert.Equal(10_000 - 1_500, await alice.Balance(wallet)); // as if the first payment had not happened
        await Books.AssertBalanced(api, wallet, merchant.SettlementWalletId);
    }

    [Fact]
    public async Task Points_accrue_per_whole_yuan_and_a_money_campaign_wins_over_points()
    {
        var merchant = await ApiMerchant.Onboard(api);
        await Launch(merchant, new { name = "Double points", kind = "points", pointsPerYuan = 2, budget = 1_000, endsAt = InAWeek });
        var (alice, wallet, code) = await Payer(merchant, 10_000);

        var paid = await Pay(alice, wallet, code, 1_234, "pt1");
        await Launch(merchant, new { name = "5% off", kind = "discount", percentOff = 5, budget = 10_000, endsAt = InAWeek });
        var discounted = await Pay(alice, wallet, code, 1_000, "pt2");

        Assert.Equal(("points", 24L, 1_234L), (Promotion(paid).GetProperty("kind").GetString(), Promotion(paid).GetProperty("points").GetInt64(), paid.GetProperty("amount").GetInt64()));
        Assert.Equal(("discount", 50L), (Promotion(discounted).GetProperty("kind").GetString(), Promotion(discounted).GetProperty("discount").GetInt64()));
        var view = await Json(await alice.Http.GetAsync($"/v1/wallets/{wallet}"), HttpStatusCode.OK);
        Assert.Equal((24L, 10_000L - 1_234 - 950), (view.GetProperty("points").GetInt64(), view.GetProperty("balance").GetInt64()));
        await Books.AssertBalanced(api, wallet, merchant.SettlementWalletId);
    }

    [Fact]
    public async Task A_coupon_applies_only_for_its_holder_once_and_a_refused_one_leaves_it_unused()
    {
        var merchant = await ApiMerchant.Onboard(api);
        var campaign = await Launch(merchant, new { name = "Half price", kind = "discount", percentOff = 50, maxDiscount = 1_000, minSpend = 500, couponOnly = true, budget = 50_000, endsAt = InAWeek });
        var (alice, wallet, code) = await Payer(merchant, 10_000);
        var (bob, bobsWallet, _) = await Payer(merchant, 10_000);
        var coupon = await Json(await merchant.Send(HttpMethod.Post, $"/v1/merchant/campaigns/{campaign}/coupons", JsonSerializer.Serialize(new { phone = alice.Phone })),
            HttpStatusCode.Created);
        var couponId = coupon.GetProperty("couponId").GetString();

        var without = await Pay(alice, wallet, code, 800, "k1");
        await Problem(await alice.Post("/v1/payments", new { qrPayload = code, fromWalletId = wallet, amount = 400, pin = TestData.Pin, couponId }, "k2"),
            HttpStatusCode.UnprocessableEntity, "coupon_not_applicable");
        await Problem(await bob.Post("/v1/payments", new { qrPayload = code, fromWalletId = bobsWallet, amount = 800, pin = TestData.Pin, couponId }, "k3"),
            HttpStatusCode.UnprocessableEntity, "invalid_coupon");
        var with = await Pay(alice, wallet, code, 800, "k4", couponId);
        await Problem(await alice.Post("/v1/payments", new { qrPayload = code, fromWalletId = wallet, amount = 800, pin = TestData.Pin, couponId }, "k5"),
            HttpStatusCode.Conflict, "coupon_used");

        Assert.Equal(JsonValueKind.Null, without.GetProperty("promotion").ValueKind);
        Assert.Equal((400L, 400L, couponId), (with.GetProperty("amount").GetInt64(), Promotion(with).GetProperty("discount").GetInt64(), Promotion(with).GetProperty("couponId").GetString()));
        var listed = (await Json(await alice.Http.GetAsync("/v1/me/coupons"), HttpStatusCode.OK)).GetProperty("items");
        Assert.Equal((couponId, with.GetProperty("paymentId").GetString()), (listed[0].GetProperty("couponId").GetString(), listed[0].GetProperty("usedBy").GetString()));
        Assert.Equal(0, (await Json(await bob.Http.GetAsync("/v1/me/coupons"), HttpStatusCode.OK)).GetProperty("items").GetArrayLength());
        Assert.Equal(10_000 - 800 - 400, await alice.Balance(wallet));
        await Books.AssertBalanced(api, wallet, bobsWallet, merchant.SettlementWalletId);
    }

    [Fact]
    public async Task An_ended_campaign_gives_nothing_and_a_spent_budget_is_never_exceeded()
    {
        var merchant = await ApiMerchant.Onboard(api);
        var ended = await Launch(merchant, new { name = "Ended", kind = "cashback", cashback = 100, budget = 10_000, endsAt = InAWeek });
        await Json(await merchant.Send(HttpMethod.Post, $"/v1/merchant/campaigns/{ended}/end"), HttpStatusCode.OK);
        var small = await Launch(merchant, new { name = "Tiny", kind = "discount", percentOff = 50, budget = 700, endsAt = InAWeek });
        var (alice, wallet, code) = await Payer(merchant, 10_000);

        var discounts = new List<long>();
        for (var i = 0; i < 4; i++)
        {
            var paid = await Pay(alice, wallet, code, 1_000, $"b{i}");
            discounts.Add(paid.GetProperty("promotion").ValueKind == JsonValueKind.Null ? 0 : Promotion(paid).GetProperty("discount").GetInt64());
        }

        Assert.Equal(700, discounts.Sum());
        Assert.Equal(700, (await Campaign(merchant, small)).GetProperty("spent").GetInt64());
        Assert.True((await Campaign(merchant, ended)).GetProperty("ended").GetBoolean());
        Assert.Equal(10_000 - 4_000 + 700, await alice.Balance(wallet));
        await Books.AssertBalanced(api, wallet, merchant.SettlementWalletId);
    }

    [Fact]
    public async Task A_till_charging_a_payment_code_gets_the_running_campaign_too()
    {
        var merchant = await ApiMerchant.Onboard(api);
        await Launch(merchant, new { name = "Back ¥3", kind = "cashback", cashback = 300, minSpend = 2_000, budget = 30_000, endsAt = InAWeek });
        var (alice, wallet, _) = await Payer(merchant, 10_000);

        var charged = await Json(await merchant.Send(HttpMethod.Post, "/v1/merchant/charges",
            JsonSerializer.Serialize(new { paymentCode = await alice.PaymentCode(wallet), amount = 2_500, currency = "CNY", orderId = "till-9" })), HttpStatusCode.Created);

        Assert.Equal((2_500L, 300L), (charged.GetProperty("amount").GetInt64(), Promotion(charged).GetProperty("cashback").GetInt64()));
        Assert.Equal(10_000 - 2_500 + 300, await alice.Balance(wallet));
        Assert.Equal(2_200, await merchant.Balance());
        await Books.AssertBalanced(api, wallet, merchant.SettlementWalletId);
    }

    [Theory]
    [InlineData("""{"kind":"discount","percentOff":100,"budget":100,"endsAt":"2099-01-01T00:00:00Z","name":"x"}""", "percentOff")]
    [InlineData("""{"kind":"discount","percentOff":10,"cashback":5,"budget":100,"endsAt":"2099-01-01T00:00:00Z","name":"x"}""", "cashback")]
    [InlineData("""{"kind":"cashback","cashback":500,"budget":100,"endsAt":"2099-01-01T00:00:00Z","name":"x"}""", "cashback")]
    [InlineData("""{"kind":"points","budget":100,"endsAt":"2099-01-01T00:00:00Z","name":"x"}""", "pointsPerYuan")]
    [InlineData("""{"kind":"discount","percentOff":10,"budget":0,"endsAt":"2099-01-01T00:00:00Z","name":"x"}""", "budget")]
    [InlineData("""{"kind":"discount","percentOff":10,"budget":100,"endsAt":"2001-01-01T00:00:00Z","name":"x"}""", "endsAt")]
    [InlineData("""{"kind":"discount","percentOff":10,"budget":100,"endsAt":"2099-01-01T00:00:00Z","name":"x","perCustomerLimit":0}""", "perCustomerLimit")]
    [InlineData("""{"kind":"discount","percentOff":10,"budget":100,"endsAt":"2099-01-01T00:00:00Z"}""", "name")]
    public async Task A_campaign_with_bad_terms_is_refused_and_nothing_is_launched(string body, string field)
    {
        var merchant = await ApiMerchant.Onboard(api);

        var problem = await Problem(await merchant.Send(HttpMethod.Post, "/v1/merchant/campaigns", body), HttpStatusCode.BadRequest, "validation_failed");

        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.Equal(0, (await Json(await merchant.Send(HttpMethod.Get, "/v1/merchant/campaigns"), HttpStatusCode.OK)).GetProperty("items").GetArrayLength());
    }

    private static DateTimeOffset InAWeek => DateTimeOffset.UtcNow.AddDays(7);

    private async Task<(ApiCustomer Payer, string Wallet, string StaticCode)> Payer(ApiMerchant merchant, long funds)
    {
        var payer = await Register(api);
        var wallet = await payer.FundedWallet(funds);
        var code = await Json(await merchant.Send(HttpMethod.Post, "/v1/merchant/qr-codes", """{"currency":"CNY"}"""), HttpStatusCode.Created);
        return (payer, wallet, code.GetProperty("payload").GetString()!);
    }

    private static async Task<string> Launch(ApiMerchant merchant, object terms)
        => (await Json(await merchant.Send(HttpMethod.Post, "/v1/merchant/campaigns", JsonSerializer.Serialize(terms)), HttpStatusCode.Created)).GetProperty("campaignId").GetString()!;

    private static async Task<JsonElement> Pay(ApiCustomer payer, string wallet, string code, long amount, string key, string? couponId = null)
        => await Json(await payer.Post("/v1/payments", new { qrPayload = code, fromWalletId = wallet, amount, pin = TestData.Pin, couponId }, key), HttpStatusCode.Created);

    private static JsonElement Promotion(JsonElement payment) => payment.GetProperty("promotion");

    private static async Task<JsonElement> Campaign(ApiMerchant merchant, string campaignId)
        => (await Json(await merchant.Send(HttpMethod.Get, "/v1/merchant/campaigns"), HttpStatusCode.OK)).GetProperty("items").EnumerateArray()
            .Single(c => c.GetProperty("campaignId").GetString() == campaignId);
}
