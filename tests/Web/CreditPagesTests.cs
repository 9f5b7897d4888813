using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Wallet.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static Wallet.Tests.Infrastructure.ApiCustomer;

namespace Wallet.Tests.Web;

/// <summary>
/// Credit (借贷) in the browser: a tier-2 customer applies for a consumer loan, reads the offer (rate, schedule, total interest and
/// cost), accepts it into a wallet with the PIN, repays the first instalment, turns autopay off, pays the rest off, and applies for a credit card whose texted code the cards page
/// confirms; an unverified customer is declined with the reason. Each outcome is checked through the API too.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CreditPagesTests(BrowserFixture browser)
{
    private const long Funds = 100_000;

    [Fact]
    public async Task A_tier_2_customer_applies_for_a_loan_accepts_the_offer_with_the_PIN_pays_it_off_and_gets_a_credit_card()
    {
        var (customer, wallet) = await Borrower();
        var page = await browser.NewPage();
        await AppPages.SignIn(page, customer.Phone);

        // Eight tabs on a 390px phone, in either language: none is pushed off the screen.
        await Expect(page.Locator("nav.tabs a")).ToHaveCountAsync(8);
        await Expect(page.Locator("nav.tabs a[href=loans]")).ToHaveTextAsync("借贷");
        Assert.True(await TabsFit(page), "the tabs fit a 390px-wide phone");
        await page.ClickAsync("#lang-switch");
        await Expect(page.Locator("nav.tabs a[href=loans]")).ToHaveTextAsync("Credit");
        Assert.True(await TabsFit(page), "the English tabs fit a 390px-wide phone");
        await page.ClickAsync("#lang-switch");
        await Expect(page.Locator("nav.tabs a[href=loans]")).ToHaveTextAsync("借贷");
        await page.ClickAsync("nav.tabs a[href=loans]");
        await Expect(page.Locator("#no-loans")).ToBeVisibleAsync();

        // ¥3,000.00 over 6 months: real name and a debit card, ¥1,000 in, nothing open with the risk monitor score 60, lent at 14.40%.
        await page.FillAsync("#loan-amount", "3000");
        await page.SelectOptionAsync("#loan-term", "6");
        await page.ClickAsync("#apply-loan");
        var answer = page.Locator("#loan-answer");
        await Expect(answer).ToHaveAttributeAsync("data-status", "offered");
        await Expect(page.Locator("#offer-rate")).ToHaveTextAsync("14.40%");
        await Expect(page.Locator("#loan-schedule tr.instalment")).ToHaveCountAsync(6);
        await Expect(answer.Locator(".reason[data-code=risk_clear]")).ToBeVisibleAsync();
        var loanId = (await answer.GetAttributeAsync("data-loan"))!;
        var offer = await Json(await customer.Http.GetAsync($"/v1/loans/{loanId}"), HttpStatusCode.OK);
        Assert.Equal(("offered", 300_000L, 1440), (offer.GetProperty("status").GetString(), offer.GetProperty("amount").GetInt64(), offer.GetProperty("annualRateBasisPoints").GetInt32()));
        var totalInterest = offer.GetProperty("totalInterest").GetInt64();
        await Expect(page.Locator("#total-interest")).ToHaveAttributeAsync("data-minor", Minor(totalInterest));
        await Expect(page.Locator("#total-cost")).ToHaveAttributeAsync("data-minor", Minor(300_000 + totalInterest));
        await Expect(page.Locator("#total-cost")).ToContainTextAsync(Format(300_000 + totalInterest));
        var first = offer.GetProperty("schedule")[0];
        var firstRow = page.Locator("#loan-schedule tr.instalment[data-number='1']");
        await Expect(firstRow).ToHaveAttributeAsync("data-minor", Minor(first.GetProperty("amount").GetInt64()));
        await Expect(firstRow).ToContainTextAsync(first.GetProperty("dueOn").GetString()!);
        await Screenshots.Take(page, "credit-offer");

        // Accepted with the PIN: the principal is paid into the wallet, and the loan is listed with what is owed.
        await page.FillAsync("#accept-pin", TestData.Pin);
        await page.ClickAsync("#accept-loan");
        await Expect(answer).ToHaveAttributeAsync("data-status", "active");
        await Expect(page.Locator($".wallet-balance[data-wallet={wallet}]")).ToHaveAttributeAsync("data-minor", Minor(Funds + 300_000));
        var listed = page.Locator($".loan[data-loan={loanId}]");
        await Expect(listed).ToHaveAttributeAsync("data-status", "active");
        await Expect(listed.Locator(".loan-owed")).ToHaveAttributeAsync("data-minor", "300000");
        Assert.Equal(Funds + 300_000, await customer.Balance(wallet));
        var drawn = await Json(await customer.Http.GetAsync($"/v1/loans/{loanId}"), HttpStatusCode.OK);
        Assert.Equal(("active", wallet, wallet), (drawn.GetProperty("status").GetString(), drawn.GetProperty("walletId").GetString(), drawn.GetProperty("autopayWalletId").GetString()));
        var payoff = drawn.GetProperty("payoffToday").GetInt64();
        await Screenshots.Take(page, "credit");

        // The loan's page: each instalment upcoming, autopay on from that wallet; paying off today costs what the loan shows.
        await page.ClickAsync("#go-loan");
        await Expect(page.Locator("#loan")).ToHaveAttributeAsync("data-status", "active");
        await Expect(page.Locator("#loan-schedule tr.instalment[data-status=upcoming]")).ToHaveCountAsync(6);
        await Expect(page.Locator("#loan-autopay")).ToHaveAttributeAsync("data-wallet", wallet);
        await Expect(page.Locator("#loan-payoff")).ToHaveAttributeAsync("data-minor", Minor(payoff));
        await Expect(page.Locator("#repay-payoff .repay-amount")).ToHaveAttributeAsync("data-minor", Minor(payoff));
        await Expect(page.Locator("#repay-instalment .repay-amount")).ToHaveAttributeAsync("data-minor", Minor(first.GetProperty("amount").GetInt64()));
        await Screenshots.Take(page, "credit-loan");

        // The first instalment early, at its scheduled amount; then autopay off, as the API holds it.
        var firstAmount = first.GetProperty("amount").GetInt64();
        var firstPrincipal = first.GetProperty("principal").GetInt64();
        await page.FillAsync("#repay-instalment .repay-pin", TestData.Pin);
        await page.ClickAsync("#repay-instalment button.repay");
        await Expect(page.Locator("#repayment-answer")).ToHaveAttributeAsync("data-repays", "instalment");
        await Expect(page.Locator("#repayment-answer")).ToHaveAttributeAsync("data-minor", Minor(firstAmount));
        await Expect(page.Locator("#loan-schedule tr.instalment[data-number='1']")).ToHaveAttributeAsync("data-status", "paid");
        await Expect(page.Locator("#loan-owed")).ToHaveAttributeAsync("data-minor", Minor(300_000 - firstPrincipal));
        await Expect(page.Locator("#wallet-balance")).ToHaveAttributeAsync("data-minor", Minor(Funds + 300_000 - firstAmount));
        Assert.Equal(Funds + 300_000 - firstAmount, await customer.Balance(wallet));
        await page.ClickAsync("#autopay-off");
        await Expect(page.Locator("#loan-autopay")).ToHaveAttributeAsync("data-enabled", "false");
        var partly = await Json(await customer.Http.GetAsync($"/v1/loans/{loanId}"), HttpStatusCode.OK);
        Assert.Equal(JsonValueKind.Null, partly.GetProperty("autopayWalletId").ValueKind);
        Assert.Equal(300_000 - firstPrincipal, partly.GetProperty("outstandingPrincipal").GetInt64());
        payoff = partly.GetProperty("payoffToday").GetInt64();
        await Expect(page.Locator("#repay-payoff .repay-amount")).ToHaveAttributeAsync("data-minor", Minor(payoff));

        // Everything left, now: the loan is repaid.
        await page.FillAsync("#repay-payoff .repay-pin", TestData.Pin);
        await page.ClickAsync("#repay-payoff button.repay");
        await Expect(page.Locator("#repayment-answer")).ToHaveAttributeAsync("data-repays", "payoff");
        await Expect(page.Locator("#repayment-answer")).ToHaveAttributeAsync("data-minor", Minor(payoff));
        await Expect(page.Locator("#loan")).ToHaveAttributeAsync("data-status", "repaid");
        await Expect(page.Locator("#loan-owed")).ToHaveAttributeAsync("data-minor", "0");
        await Expect(page.Locator("#loan-schedule tr.instalment[data-status=paid]")).ToHaveCountAsync(6);
        await Expect(page.Locator("#repay-payoff")).ToHaveCountAsync(0);
        await Expect(page.Locator("#wallet-balance")).ToHaveAttributeAsync("data-minor", Minor(Funds + 300_000 - firstAmount - payoff));
        var repaid = await Json(await customer.Http.GetAsync($"/v1/loans/{loanId}"), HttpStatusCode.OK);
        Assert.Equal(("repaid", 0L), (repaid.GetProperty("status").GetString(), repaid.GetProperty("outstandingPrincipal").GetInt64()));
        Assert.Equal(Funds + 300_000 - firstAmount - payoff, await customer.Balance(wallet));

        // A credit card by the same score: approved and issued, then confirmed on the cards page with the code the bank texted.
        await page.ClickAsync("#back-to-loans");
        await Expect(page.Locator($".loan[data-loan={loanId}]")).ToHaveAttributeAsync("data-status", "repaid");
        await page.ClickAsync("#apply-card");
        var card = page.Locator("#card-answer");
        await Expect(card).ToHaveAttributeAsync("data-status", "approved");
        await Expect(card.Locator("#card-limit")).ToHaveAttributeAsync("data-minor", "1000000");
        var cardId = (await card.GetAttributeAsync("data-card"))!;
        await Screenshots.Take(page, "credit-card");
        await page.ClickAsync("#go-cards");
        var cardRow = page.Locator($".bank-card[data-card={cardId}]");
        await Expect(cardRow).ToHaveAttributeAsync("data-status", "pending_verification");
        await cardRow.Locator(".sms-code").FillAsync(await customer.LatestSmsCode());
        await cardRow.Locator(".confirm-card").ClickAsync();
        await Expect(cardRow).ToHaveAttributeAsync("data-status", "active");
        var cards = await Json(await customer.Http.GetAsync("/v1/cards"), HttpStatusCode.OK);
        var bound = cards.GetProperty("items").EnumerateArray().Single(c => c.GetProperty("cardId").GetString() == cardId);
        Assert.Equal(("active", "credit"), (bound.GetProperty("status").GetString(), bound.GetProperty("kind").GetString()));

        await Infrastructure.Operator.AssertBooksBalance(await browser.Operator());
        browser.AssertNoPolicyViolations();
    }

    [Fact]
    public async Task An_unverified_customer_is_declined_with_the_reason_and_nothing_is_paid_out()
    {
        var customer = await Register(browser.Http());
        var wallet = await customer.FundedWallet(10_000);
        var page = await browser.NewPage();
        await AppPages.SignIn(page, customer.Phone);

        await page.GotoAsync("/app/loans");
        await page.FillAsync("#loan-amount", "1000");
        await page.ClickAsync("#apply-loan");
        var answer = page.Locator("#loan-answer");
        await Expect(answer).ToHaveAttributeAsync("data-status", "declined");
        await Expect(answer.Locator(".reason[data-code=tier_unverified]")).ToContainTextAsync("未实名认证");
        await Expect(page.Locator("#accept-form")).ToHaveCountAsync(0);
        await page.ClickAsync("#lang-switch");
        await Expect(answer.Locator(".reason[data-code=tier_unverified]")).ToContainTextAsync("Not verified by real name");
        await Expect(page.Locator(".loan[data-status=declined]")).ToHaveCountAsync(1);
        await Screenshots.Take(page, "credit-declined");

        var loans = await Json(await customer.Http.GetAsync("/v1/loans"), HttpStatusCode.OK);
        Assert.Equal("declined", Assert.Single(loans.GetProperty("items").EnumerateArray()).GetProperty("status").GetString());
        Assert.Equal(10_000, await customer.Balance(wallet));
        browser.AssertNoPolicyViolations();
    }

    /// <summary>A customer the bank lends to: real name verified, a debit card in it (tier 2), <see cref="Funds"/> topped up.</summary>
    private async Task<(ApiCustomer Customer, string Wallet)> Borrower()
    {
        var customer = await Register(browser.Http());
        await Json(await customer.Http.PostAsJsonAsync("/v1/me/verification", new { name = "韩梅梅", idNumber = TestData.IdNumber() }), HttpStatusCode.OK);
        var wallet = await customer.FundedWallet(Funds);
        Assert.Equal(2, (await Json(await customer.Http.GetAsync("/v1/me"), HttpStatusCode.OK)).GetProperty("tier").GetInt32());
        return (customer, wallet);
    }

    private static Task<bool> TabsFit(Microsoft.Playwright.IPage page) => page.EvaluateAsync<bool>(
        "() => { const n = document.querySelector('nav.tabs'); return n.scrollWidth <= window.innerWidth && [...n.querySelectorAll('a')].every(a => a.getBoundingClientRect().right <= window.innerWidth); }");

    private static string Minor(long amount) => amount.ToString(CultureInfo.InvariantCulture);

    private static string Format(long minor) => "¥" + (minor / 100m).ToString("#,0.00", CultureInfo.InvariantCulture);
}
