using System.Net;
using Microsoft.Playwright;
using Wallet.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static Wallet.Tests.Infrastructure.ApiCustomer;

namespace Wallet.Tests.Web;

/// <summary>Help in the browser: a customer searches the bank's answers, then writes with a screenshot; an operator answers from the console.</summary>
[Collection(BrowserCollection.Name)]
public sealed class HelpPagesTests(BrowserFixture browser)
{
    /// <summary>A real 1×1 PNG, as a phone's screenshot would be (only smaller).</summary>
    private static readonly byte[] Screenshot = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=");

    [Fact]
    public async Task A_customer_searches_the_answers_writes_with_a_screenshot_and_reads_the_operators_answer()
    {
        var alice = await Register(browser.Http());
        var page = await browser.NewPage();
        await AppPages.SignIn(page, alice.Phone);
        await page.GotoAsync("/app/me");
        await page.ClickAsync("#go-help");

        await page.FillAsync("#help-q", "PIN");
        await page.ClickAsync("#help-find");
        await Expect(page.Locator("#articles .article").First).ToHaveAttributeAsync("data-article", "reset-payment-pin");
        await page.FillAsync("#help-q", "zebra");
        await page.ClickAsync("#help-find");
        await Expect(page.Locator("#no-articles")).ToBeVisibleAsync();

        await page.FillAsync("#support-text", "I cannot find my top-up.");
        await page.SetInputFilesAsync("#support-image", new FilePayload { Name = "shot.png", MimeType = "image/png", Buffer = Screenshot });
        await Expect(page.Locator("#picked")).ToBeVisibleAsync();
        await page.ClickAsync("#support-send");
        var mine = page.Locator("#conversation .message[data-author=customer]");
        await Expect(mine).ToContainTextAsync("I cannot find my top-up.");
        await Expect(mine.Locator("img.attachment")).ToHaveCountAsync(1);
        Assert.True(await mine.Locator("img.attachment").EvaluateAsync<bool>("img => img.complete && img.naturalWidth === 1"), "the screenshot is shown as the image it is");
        await Screenshots.Take(page, "help");

        var operatorPage = await browser.NewPage(desk: true);
        await AppPages.SignIn(operatorPage, BrowserFixture.OperatorPhone, BrowserFixture.OperatorPassword);
        await operatorPage.ClickAsync("nav.tabs a[href='console/support']");
        await operatorPage.ClickAsync($".waiting-row[data-customer='{alice.Id}'] a");
        await Expect(operatorPage.Locator("#conversation .message[data-author=customer]")).ToContainTextAsync("I cannot find my top-up.");
        await operatorPage.FillAsync("#reply-text", "Top-ups show in your bills under 充值 / Top-up.");
        await operatorPage.ClickAsync("#reply-send");
        await Expect(operatorPage.Locator("#conversation .message[data-author=bank]")).ToContainTextAsync("Top-ups show in your bills");
        await Screenshots.Take(operatorPage, "console-support");
        await operatorPage.ClickAsync("nav.tabs a[href='console/support']");
        await Expect(operatorPage.Locator($".waiting-row[data-customer='{alice.Id}']")).ToHaveCountAsync(0);

        await page.ReloadAsync();
        await Expect(page.Locator("#conversation .message[data-author=bank]")).ToContainTextAsync("Top-ups show in your bills");
        // opening the page read the answer: the bank sees it read
        var operators = await browser.Operator();
        await Eventually.Until(async () => (await Json(await operators.GetAsync($"/v1/ops/support/conversations/{alice.Id}"), HttpStatusCode.OK))
            .GetProperty("unreadByCustomer").GetInt32() == 0, "the answer read");
        browser.AssertNoPolicyViolations();
    }
}
