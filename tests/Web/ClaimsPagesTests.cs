using System.Net;
using Wallet.Tests.Claims;
using Wallet.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static Wallet.Tests.Infrastructure.ApiCustomer;

namespace Wallet.Tests.Web;

/// <summary>
/// Claims in the browser: a customer claims a transfer they say was not theirs from its line in History, answers the
/// bank's question, and sees the claim upheld; an operator finds it in the console's queue with its evidence and has the
/// security fund pay it, once. Each outcome is checked through the API too.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ClaimsPagesTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_customer_claims_a_movement_from_history_and_an_operator_has_the_fund_pay_it_once()
    {
        var alice = await Register(browser.Http());
        var wallet = await alice.FundedWallet(10_000);
        var bob = await Register(browser.Http());
        var transfer = (await Json(await alice.Post("/v1/transfers", alice.TransferBody(wallet, await bob.OpenWallet(), 2_345), "stolen"), HttpStatusCode.Created))
            .GetProperty("transferId").GetString()!;
        var entry = await ClaimsApi.EntryOf(alice, wallet, transfer);
        var operators = await browser.Operator();
        await ClaimsApi.Deposit(operators, 100_000);

        var page = await browser.NewPage();
        await AppPages.SignIn(page, alice.Phone);
        await page.ClickAsync("nav.tabs a[href=history]");
        await page.ClickAsync($".entry[data-entry='{entry}'] a.claim-link");
        await Expect(page.Locator("#claim-entry")).ToHaveAttributeAsync("data-entry", entry);
        await page.FillAsync("#claim-what", "Someone used my phone on the train.");
        await Screenshots.Take(page, "claim-open");
        await page.ClickAsync("#claim-submit");
        var claimId = (await page.Locator("#claim-opened").GetAttributeAsync("data-claim"))!;
        await Expect(page.Locator($".claim[data-claim='{claimId}']")).ToHaveAttributeAsync("data-status", "open");

        // The bank asks; the customer answers on the claims page.
        await Json(await ClaimsApi.Send(operators, $"/v1/ops/claims/{claimId}/questions", new { text = "Where was your phone at 9pm?" }), HttpStatusCode.OK);
        await page.ReloadAsync();
        var mine = page.Locator($".claim[data-claim='{claimId}']");
        await Expect(mine).ToHaveAttributeAsync("data-status", "awaiting_customer");
        await mine.Locator(".answer-text").FillAsync("On the train, stolen from my bag.");
        await mine.Locator("button.answer").ClickAsync();
        await Expect(mine).ToHaveAttributeAsync("data-status", "open");

        var desk = await browser.NewPage(desk: true);
        await AppPages.SignIn(desk, BrowserFixture.OperatorPhone, BrowserFixture.OperatorPassword);
        await desk.ClickAsync("nav.tabs a[href='console/claims']");
        var row = desk.Locator($".claim-row[data-claim='{claimId}']");
        await Expect(row).ToContainTextAsync("On the train, stolen from my bag.");
        await Expect(row.Locator("select.outcome")).ToHaveValueAsync("upheld_fund");
        await Screenshots.Take(desk, "console-claims");
        await row.Locator("button.decide").ClickAsync();
        await Expect(row).ToHaveCountAsync(0);
        await Expect(desk.Locator($"#fund-payments .fund-payment[data-claim='{claimId}']")).ToHaveCountAsync(1);

        await page.ReloadAsync();
        await Expect(page.Locator($".claim[data-claim='{claimId}']")).ToHaveAttributeAsync("data-status", "decided");
        Assert.Equal(10_000, await alice.Balance(wallet)); // ¥23.45 out, and back from the fund once
        var decision = (await Json(await alice.Http.GetAsync($"/v1/claims/{claimId}"), HttpStatusCode.OK)).GetProperty("decision");
        Assert.Equal(("upheld_fund", 2_345L), (decision.GetProperty("outcome").GetString(), decision.GetProperty("amount").GetInt64()));
        await Operator.AssertBooksBalance(operators);
        browser.AssertNoPolicyViolations();
    }
}
