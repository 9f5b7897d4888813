using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Wallet.Tests.Infrastructure;
using static Wallet.Tests.Infrastructure.ApiCustomer;

namespace Wallet.Tests.Products;

/// <summary>
/// The bank's products through HTTP: an operator sets a fund up and publishes it; a customer sees what they may buy and why
/// not, takes the risk assessment, buys, sees the holding and redeems it in two parts; bad requests are problems naming the
/// field, refusals carry their code, another customer sees nothing, and nothing moves that should not.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ProductsApiTests(ApiFixture api)
{
    [Fact]
    public async Task A_customer_buys_a_fund_sees_the_holding_and_redeems_it_in_two_parts()
    {
        var ops = await Operator.SignIn(api);
        var fund = await ProductApi.Published(ops, ProductApi.FundBody());
        var steady = await ProductApi.Published(ops, new
        {
            name = "稳健 Steady R3", kind = "wealth", riskLevel = 3, annualRateBasisPoints = 380, quota = 10_000_000,
            subscriptionOpens = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1), subscriptionCloses = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(10),
            maturesOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(200),
        });
        var newcomer = await Register(api);
        var listed = (await Json(await newcomer.Http.GetAsync("/v1/products"), HttpStatusCode.OK)).GetProperty("items").EnumerateArray()
            .Single(p => p.GetProperty("productId").GetString() == fund);
        Assert.Equal(("money_market", 250, "higher_tier_required", true), (listed.GetProperty("kind").GetString(), listed.GetProperty("annualRateBasisPoints").GetInt32(),
            listed.GetProperty("yourRefusal").GetString(), listed.GetProperty("onSale").GetBoolean()));

        var (investor, wallet) = await ProductApi.Investor(api, 100_000);
        var r3 = await Json(await investor.Http.GetAsync($"/v1/products/{steady}"), HttpStatusCode.OK);
        Assert.Equal(("risk_assessment_required", 10_000_000L), (r3.GetProperty("yourRefusal").GetString(), r3.GetProperty("quotaLeft").GetInt64()));
        var questionnaire = await Json(await investor.Http.GetAsync("/v1/risk-questionnaire"), HttpStatusCode.OK);
        Assert.Equal(5, questionnaire.GetProperty("questions").GetArrayLength());
        await Problem(await investor.Http.GetAsync("/v1/me/risk-assessment"), HttpStatusCode.NotFound, "not_found");
        var assessed = await Json(await investor.Http.PutAsJsonAsync("/v1/me/risk-assessment", new { answers = new[] { 2, 2, 2, 2, 2 } }), HttpStatusCode.OK);
        Assert.Equal((2, true), (assessed.GetProperty("tolerance").GetInt32(), assessed.GetProperty("valid").GetBoolean()));
        await Problem(await investor.Post($"/v1/products/{steady}/purchases", new { walletId = wallet, amount = 1_000, pin = TestData.Pin }, "too-risky"),
            HttpStatusCode.UnprocessableEntity, "product_risk_too_high");

        var bought = await Json(await investor.Post($"/v1/products/{fund}/purchases", new { walletId = wallet, amount = 60_000, pin = TestData.Pin }, "savings"), HttpStatusCode.Created);
        var holding = bought.GetProperty("holdingId").GetString()!;
        Assert.Equal(("completed", wallet, holding), (bought.GetProperty("status").GetString(), bought.GetProperty("from").GetProperty("walletId").GetString(),
            bought.GetProperty("to").GetProperty("holdingId").GetString()));
        var replay = await investor.Post($"/v1/products/{fund}/purchases", new { walletId = wallet, amount = 60_000, pin = TestData.Pin }, "savings");
        Assert.Equal(bought.GetProperty("purchaseId").GetString(), (await Json(replay, HttpStatusCode.Created)).GetProperty("purchaseId").GetString());
        Assert.Equal("true", replay.Headers.GetValues("Idempotent-Replayed").Single());
        await Problem(await investor.Post($"/v1/products/{fund}/purchases", new { walletId = wallet, amount = 50_000, pin = TestData.Pin }, "savings"),
            HttpStatusCode.UnprocessableEntity, "idempotency_key_reused");
        Assert.Equal(40_000, await investor.Balance(wallet));

        var mine = (await Json(await investor.Http.GetAsync("/v1/holdings"), HttpStatusCode.OK)).GetProperty("items");
        Assert.Equal((holding, 60_000L, 60_000L, "active"), (mine[0].GetProperty("holdingId").GetString(), mine[0].GetProperty("principal").GetInt64(),
            mine[0].GetProperty("value").GetInt64(), mine[0].GetProperty("status").GetString()));
        var stranger = await Register(api);
        await Problem(await stranger.Http.GetAsync($"/v1/holdings/{holding}"), HttpStatusCode.NotFound, "not_found");
        await Problem(await stranger.Post($"/v1/holdings/{holding}/redemptions", new { }, "steal"), HttpStatusCode.NotFound, "not_found");
        Assert.Equal(0, (await Json(await stranger.Http.GetAsync("/v1/holdings"), HttpStatusCode.OK)).GetProperty("items").GetArrayLength());

        await Problem(await investor.Post($"/v1/holdings/{holding}/redemptions", new { amount = 60_001 }, "too-much"), HttpStatusCode.UnprocessableEntity, "exceeds_holding");
        var part = await Json(await investor.Post($"/v1/holdings/{holding}/redemptions", new { amount = 20_000 }, "part"), HttpStatusCode.Created);
        Assert.Equal((20_000L, 0L, "active", holding, wallet), (part.GetProperty("amount").GetInt64(), part.GetProperty("yield").GetInt64(),
            part.GetProperty("holdingStatus").GetString(), part.GetProperty("from").GetProperty("holdingId").GetString(), part.GetProperty("to").GetProperty("walletId").GetString()));
        var rest = await Json(await investor.Post($"/v1/holdings/{holding}/redemptions", new { }, "rest"), HttpStatusCode.Created);
        Assert.Equal((40_000L, "redeemed"), (rest.GetProperty("amount").GetInt64(), rest.GetProperty("holdingStatus").GetString()));
        await Problem(await investor.Post($"/v1/holdings/{holding}/redemptions", new { }, "again"), HttpStatusCode.Conflict, "holding_closed");
        Assert.Equal(100_000, await investor.Balance(wallet));

        var books = (await Json(await ops.GetAsync("/v1/ops/products"), HttpStatusCode.OK)).GetProperty("items").EnumerateArray()
            .Single(p => p.GetProperty("product").GetProperty("productId").GetString() == fund);
        Assert.Equal(0, books.GetProperty("owed").GetInt64());
        Assert.Equal(JsonValueKind.Null, books.GetProperty("raised").ValueKind); // a fund without a quota keeps no count
        await Books.AssertBalanced(api, wallet);
        await Operator.AssertBooksBalance(ops);
    }

    [Fact]
    public async Task Bad_requests_are_problems_naming_the_field_and_move_nothing()
    {
        var ops = await Operator.SignIn(api);
        var noKind = await Problem(await ops.PostAsJsonAsync("/v1/ops/products", new { name = "x", riskLevel = 1, annualRateBasisPoints = 100 }), HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(noKind.GetProperty("errors").TryGetProperty("kind", out _));
        var badDeposit = await Problem(await ops.PostAsJsonAsync("/v1/ops/products", new { name = "x", kind = "term_deposit", riskLevel = 1, annualRateBasisPoints = 100, termMonths = 7 }),
            HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(badDeposit.GetProperty("errors").TryGetProperty("termMonths", out _));
        var wealthWithoutWindow = await Problem(await ops.PostAsJsonAsync("/v1/ops/products", new { name = "x", kind = "wealth", riskLevel = 6, annualRateBasisPoints = 9_999 }),
            HttpStatusCode.BadRequest, "validation_failed");
        foreach (var field in new[] { "riskLevel", "annualRateBasisPoints", "quota", "subscriptionOpens", "maturesOn" })
        {
            Assert.True(wealthWithoutWindow.GetProperty("errors").TryGetProperty(field, out _), field);
        }
        var draft = (await Json(await ops.PostAsJsonAsync("/v1/ops/products", ProductApi.FundBody("draft")), HttpStatusCode.Created)).GetProperty("product").GetProperty("productId").GetString()!;
        await Problem(await ops.PutAsJsonAsync($"/v1/ops/products/{draft}/rates", new { annualRateBasisPoints = 100, demandRateBasisPoints = 200 }), HttpStatusCode.BadRequest, "validation_failed");
        await Problem(await ops.PostAsync($"/v1/ops/products/{draft}/pause", null), HttpStatusCode.Conflict, "product_not_on_sale");
        await Problem(await ops.PostAsync("/v1/ops/products/prd_nothing/publish", null), HttpStatusCode.NotFound, "not_found");

        var (investor, wallet) = await ProductApi.Investor(api, 10_000);
        await Problem(await investor.Http.GetAsync($"/v1/products/{draft}"), HttpStatusCode.NotFound, "not_found");
        await Problem(await investor.Post($"/v1/products/{draft}/purchases", new { walletId = wallet, amount = 1_000, pin = TestData.Pin }, "draft"), HttpStatusCode.NotFound, "not_found");
        var fund = await ProductApi.Published(ops, ProductApi.FundBody());
        var noKey = await investor.Http.PostAsJsonAsync($"/v1/products/{fund}/purchases", new { walletId = wallet, amount = 1_000, pin = TestData.Pin });
        await Problem(noKey, HttpStatusCode.BadRequest, "idempotency_key_required");
        var missing = await Problem(await investor.Post($"/v1/products/{fund}/purchases", new { amount = 0 }, "bad"), HttpStatusCode.BadRequest, "validation_failed");
        foreach (var field in new[] { "walletId", "amount", "pin" })
        {
            Assert.True(missing.GetProperty("errors").TryGetProperty(field, out _), field);
        }
        await Problem(await investor.Post($"/v1/products/{fund}/purchases", new { walletId = wallet, amount = 99, pin = TestData.Pin }, "small"), HttpStatusCode.UnprocessableEntity, "amount_too_small");
        await Problem(await investor.Post($"/v1/products/{fund}/purchases", new { walletId = wallet, amount = 1_000, pin = "000000" }, "wrong-pin"), HttpStatusCode.Forbidden, "invalid_pin");
        await Problem(await investor.Post($"/v1/products/{fund}/purchases", new { walletId = wallet, amount = 10_001, pin = TestData.Pin }, "too-much"),
            HttpStatusCode.UnprocessableEntity, "insufficient_funds");
        var answers = await Problem(await investor.Http.PutAsJsonAsync("/v1/me/risk-assessment", new { answers = new[] { 1, 2, 9 } }), HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(answers.GetProperty("errors").TryGetProperty("answers", out _));
        await Problem(await investor.Post("/v1/holdings/hld_nothing/redemptions", new { amount = -5 }, "neg"), HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(10_000, await investor.Balance(wallet));
        Assert.Equal(0, (await Json(await investor.Http.GetAsync("/v1/holdings"), HttpStatusCode.OK)).GetProperty("items").GetArrayLength());
        await Operator.AssertBooksBalance(ops);
    }
}
