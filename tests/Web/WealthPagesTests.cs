using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Wallet.Tests.Infrastructure;
using Wallet.Tests.Products;
using static Microsoft.Playwright.Assertions;
using static Wallet.Tests.Infrastructure.ApiCustomer;

namespace Wallet.Tests.Web;

/// <summary>
/// Wealth (理财) in the browser: a tier-2 customer takes the risk assessment, buys a fund with the PIN, redeems part of it and
/// lets it cover the wallet's payments; a wealth product before maturity cannot be redeemed; a tier-4 customer is told why
/// they cannot buy. Each outcome is checked through the API too.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class WealthPagesTests(BrowserFixture browser)
{
    private const long Funds = 100_000;

    [Fact]
    public async Task A_tier_2_customer_takes_the_assessment_buys_a_fund_with_the_PIN_and_redeems_part_of_it_into_the_wallet()
    {
        var ops = await browser.Operator();
        var fund = await ProductApi.Published(ops, ProductApi.FundBody($"余额宝 {Random.Shared.Next(1000, 10000)}"));
        var steady = await ProductApi.Published(ops, SteadyR3());
        var (customer, wallet) = await Investor();
        var page = await browser.NewPage();
        await AppPages.SignIn(page, customer.Phone);

        await page.ClickAsync("nav.tabs a[href=wealth]");
        await Expect(page.Locator("#no-holdings")).ToBeVisibleAsync();
        var fundRow = page.Locator($".product[data-product={fund}]");
        await Expect(fundRow.Locator(".rate")).ToHaveTextAsync("2.50%");
        await Expect(fundRow).ToContainTextAsync("R1");
        await Expect(fundRow).ToContainTextAsync("¥1.00"); // the minimum
        var steadyRow = page.Locator($".product[data-product={steady}]");
        await Expect(steadyRow).ToHaveAttributeAsync("data-refusal", "risk_assessment_required");
        await Expect(steadyRow.Locator(".open-buy")).ToHaveCountAsync(0);
        await Expect(steadyRow.Locator(".quota-left")).ToHaveAttributeAsync("data-minor", "10000000");

        // The assessment: answers scoring 15 place the customer at C3, which reaches the R3 product.
        await steadyRow.Locator("a.take-assessment").ClickAsync();
        await Expect(page.Locator("fieldset.question")).ToHaveCountAsync(5);
        foreach (var (question, answer) in new[] { ("age", 3), ("horizon", 4), ("experience", 3), ("loss", 3), ("income", 2) })
        {
            await page.CheckAsync($"#answer-{question}-{answer}");
        }
        await page.ClickAsync("#submit-assessment");
        await Expect(page.Locator("#tolerance")).ToHaveTextAsync("C3");
        await Expect(page.Locator("#assessment")).ToHaveAttributeAsync("data-valid", "true");
        await Screenshots.Take(page, "wealth-assessment");
        var assessed = await Json(await customer.Http.GetAsync("/v1/me/risk-assessment"), HttpStatusCode.OK);
        Assert.Equal(3, assessed.GetProperty("tolerance").GetInt32());
        await page.ClickAsync("#back-to-wealth");
        await Expect(steadyRow).ToHaveAttributeAsync("data-refusal", "");

        // ¥100.00 of the fund, with the PIN: the holding is listed at its value and the wallet has that much less.
        await fundRow.Locator(".open-buy").ClickAsync();
        await fundRow.Locator(".buy-amount").FillAsync("100");
        await fundRow.Locator(".buy-pin").FillAsync(TestData.Pin);
        await fundRow.Locator("button.buy").ClickAsync();
        await Expect(fundRow.Locator(".purchase-answer")).ToHaveAttributeAsync("data-status", "completed");
        var holdingRow = page.Locator($".holding[data-product={fund}]");
        await Expect(holdingRow.Locator(".holding-value")).ToHaveAttributeAsync("data-minor", "10000");
        await Expect(holdingRow).ToHaveAttributeAsync("data-status", "active");
        await Expect(page.Locator($".wallet-balance[data-wallet={wallet}]")).ToHaveAttributeAsync("data-minor", Minor(Funds - 10_000));
        await Screenshots.Take(page, "wealth");
        var holding = (await holdingRow.GetAttributeAsync("data-holding"))!;
        Assert.Equal(Funds - 10_000, await customer.Balance(wallet));

        // ¥40.00 back: the fund is worth ¥60.00 and the wallet has ¥40.00 more.
        await holdingRow.Locator("a.what").ClickAsync();
        await Expect(page.Locator("#holding-value")).ToHaveAttributeAsync("data-minor", "10000");
        await page.FillAsync("#redeem-amount", "40");
        await page.ClickAsync("#redeem");
        await Expect(page.Locator("#redemption-answer")).ToHaveAttributeAsync("data-minor", "4000");
        await Expect(page.Locator("#redemption-answer")).ToHaveAttributeAsync("data-holding-status", "active");
        await Expect(page.Locator("#holding-value")).ToHaveAttributeAsync("data-minor", "6000");
        await Expect(page.Locator("#holding-value")).ToContainTextAsync("¥60.00");
        await Expect(page.Locator("#wallet-balance")).ToHaveAttributeAsync("data-minor", Minor(Funds - 6_000));
        var held = await Json(await customer.Http.GetAsync($"/v1/holdings/{holding}"), HttpStatusCode.OK);
        Assert.Equal((6_000L, 6_000L, "active"), (held.GetProperty("value").GetInt64(), held.GetProperty("principal").GetInt64(), held.GetProperty("status").GetString()));
        Assert.Equal(Funds - 6_000, await customer.Balance(wallet));

        // Balance plus fund: on, then off again, as the API holds it.
        await page.CheckAsync("#fund-cover");
        await Eventually.Until(async () => (await customer.Http.GetAsync($"/v1/wallets/{wallet}/fund-cover")).StatusCode == HttpStatusCode.OK, "the fund covers the wallet");
        var cover = await Json(await customer.Http.GetAsync($"/v1/wallets/{wallet}/fund-cover"), HttpStatusCode.OK);
        Assert.Equal(holding, cover.GetProperty("holdingId").GetString());
        await Screenshots.Take(page, "wealth-holding");
        await page.UncheckAsync("#fund-cover");
        await Eventually.Until(async () => (await customer.Http.GetAsync($"/v1/wallets/{wallet}/fund-cover")).StatusCode == HttpStatusCode.NotFound, "the fund no longer covers it");

        // A wealth product is not paid back before it matures: the page shows the bank's refusal and nothing moves.
        var bought = await Json(await customer.Post($"/v1/products/{steady}/purchases", new { walletId = wallet, amount = 1_000, pin = TestData.Pin }, Guid.NewGuid().ToString()),
            HttpStatusCode.Created);
        await page.GotoAsync($"/app/wealth/{bought.GetProperty("holdingId").GetString()}");
        await Expect(page.Locator("#holding")).ToHaveAttributeAsync("data-kind", "wealth");
        await page.ClickAsync("#redeem");
        await Expect(page.Locator(".problem[data-code=not_redeemable]")).ToBeVisibleAsync();
        await Expect(page.Locator("#redemption-answer")).ToHaveCountAsync(0);
        Assert.Equal(Funds - 7_000, await customer.Balance(wallet));

        await Infrastructure.Operator.AssertBooksBalance(ops);
        browser.AssertNoPolicyViolations();
    }

    [Fact]
    public async Task A_tier_4_customer_is_told_that_buying_needs_tier_2_and_can_buy_nothing()
    {
        var fund = await ProductApi.Published(await browser.Operator(), ProductApi.FundBody($"余额宝 {Random.Shared.Next(1000, 10000)}"));
        var customer = await Register(browser.Http());
        var wallet = await customer.FundedWallet(10_000);
        var page = await browser.NewPage();
        await AppPages.SignIn(page, customer.Phone);

        await page.ClickAsync("nav.tabs a[href=wealth]");
        var fundRow = page.Locator($".product[data-product={fund}]");
        await Expect(fundRow).ToHaveAttributeAsync("data-refusal", "higher_tier_required");
        await Expect(fundRow.Locator(".refusal")).ToContainTextAsync("需要二类账户（实名并绑定借记卡）");
        await Expect(fundRow.Locator(".open-buy")).ToHaveCountAsync(0);
        await Expect(page.Locator("#no-holdings")).ToBeVisibleAsync();
        await page.ClickAsync("#lang-switch");
        await Expect(fundRow.Locator(".refusal")).ToContainTextAsync("Needs tier 2 (real name and a debit card)");
        await Screenshots.Take(page, "wealth-tier-4");

        // The API refuses it too, whatever a page would send.
        await Problem(await customer.Post($"/v1/products/{fund}/purchases", new { walletId = wallet, amount = 1_000, pin = TestData.Pin }, Guid.NewGuid().ToString()),
            HttpStatusCode.UnprocessableEntity, "higher_tier_required");
        Assert.Equal(10_000, await customer.Balance(wallet));
        Assert.Equal(0, (await Json(await customer.Http.GetAsync("/v1/holdings"), HttpStatusCode.OK)).GetProperty("items").GetArrayLength());
        browser.AssertNoPolicyViolations();
    }

    /// <summary>A closed-end R3 wealth product on sale now, maturing in 200 days.</summary>
    private static object SteadyR3()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        return new
        {
            name = $"稳健 Steady R3 {Random.Shared.Next(1000, 10000)}", kind = "wealth", riskLevel = 3, annualRateBasisPoints = 380, quota = 10_000_000,
            subscriptionOpens = today.AddDays(-1), subscriptionCloses = today.AddDays(10), maturesOn = today.AddDays(200),
        };
    }

    /// <summary>A customer at tier 2 (real name verified, then a debit card in it bound) with a wallet holding <see cref="Funds"/>, as ProductApi.Investor makes one.</summary>
    private async Task<(ApiCustomer Customer, string Wallet)> Investor()
    {
        var customer = await Register(browser.Http());
        await Json(await customer.Http.PostAsJsonAsync("/v1/me/verification", new { name = "韩梅梅", idNumber = TestData.IdNumber() }), HttpStatusCode.OK);
        var wallet = await customer.FundedWallet(Funds);
        Assert.Equal(2, (await Json(await customer.Http.GetAsync("/v1/me"), HttpStatusCode.OK)).GetProperty("tier").GetInt32());
        return (customer, wallet);
    }

    private static string Minor(long amount) => amount.ToString(CultureInfo.InvariantCulture);
}
