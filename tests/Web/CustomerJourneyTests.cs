using System.Net;
using Wallet.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static Wallet.Tests.Infrastructure.ApiCustomer;

namespace Wallet.Tests.Web;

/// <summary>A new customer's first day, all of it in the browser: the pages, the cookies and the API behind them.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CustomerJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_new_customer_registers_verifies_binds_a_card_tops_up_transfers_and_finds_the_transfer_in_history()
    {
        var friend = await Register(browser.Http());
        var friendWallet = await friend.OpenWallet();
        var page = await browser.NewPage();
        var phone = TestData.Phone();

        await page.GotoAsync("/app/register");
        await Screenshots.Take(page, "register");
        await page.FillAsync("#phone", phone);
        await page.FillAsync("#password", TestData.Password);
        await page.ClickAsync("#register");

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/app/verify$"));
        await page.FillAsync("#real-name", "韩梅梅");
        await page.FillAsync("#id-number", TestData.IdNumber());
        await page.ClickAsync("#verify");
        await Expect(page.Locator("#verified")).ToContainTextAsync("韩梅梅");
        await page.FillAsync("#pin", TestData.Pin);
        await page.ClickAsync("#set-pin");
        await Expect(page.Locator("#pin-set")).ToBeVisibleAsync();
        await Screenshots.Take(page, "verify");

        await page.ClickAsync("#go-cards");
        await Expect(page.Locator("#holder-name")).ToHaveValueAsync("韩梅梅");
        await page.FillAsync("#card-number", TestData.Card());
        await page.ClickAsync("#bind-card");
        var pending = page.Locator(".bank-card[data-status=pending_verification]");
        await Expect(pending).ToHaveCountAsync(1);
        await page.FillAsync(".sms-code", await SmsCode(phone));
        await Screenshots.Take(page, "cards");
        await page.ClickAsync(".confirm-card");
        await Expect(page.Locator(".bank-card[data-status=active]")).ToHaveCountAsync(1);

        await page.GotoAsync("/app/");
        await page.ClickAsync("#open-wallet");
        await Expect(page.Locator("#balance")).ToHaveAttributeAsync("data-minor", "0");
        await page.ClickAsync("#go-top-up");
        await page.FillAsync("#amount", "1000");
        await page.ClickAsync("#submit");
        await Expect(page.Locator("#done")).ToContainTextAsync("¥1,000.00");
        await Screenshots.Take(page, "top-up");

        await page.ClickAsync("nav.tabs a[href=transfer]");
        await page.FillAsync("#to-phone", friend.Phone);
        await page.FillAsync("#amount", "25.50");
        await page.FillAsync("#memo", "午饭 lunch");
        await page.FillAsync("#pin", TestData.Pin);
        await page.ClickAsync("#submit");
        await Expect(page.Locator("#done")).ToHaveAttributeAsync("data-status", "completed");
        await Screenshots.Take(page, "transfer");

        await page.ClickAsync("nav.tabs a[href=history]");
        await Expect(page.Locator(".entry")).ToHaveCountAsync(2);
        await page.FillAsync("#search-text", "午饭");
        await page.ClickAsync("#search");
        var found = page.Locator(".entry");
        await Expect(found).ToHaveCountAsync(1);
        await Expect(found).ToHaveAttributeAsync("data-kind", "transfer");
        await Expect(found).ToContainTextAsync("-¥25.50");
        await Screenshots.Take(page, "history");

        // The transfer's electronic receipt, downloaded from its entry as a person would: a PDF of that movement.
        var receipt = await page.RunAndWaitForDownloadAsync(() => found.Locator("a.receipt").ClickAsync());
        var receiptText = PdfText(await File.ReadAllBytesAsync((await receipt.PathAsync())!));
        Assert.Contains("25.50", receiptText, StringComparison.Ordinal);

        // This month's statement lists the transfer, in the CSV a spreadsheet opens.
        await page.GotoAsync("/app/statements");
        var month = page.Locator(".statement").First;
        await Expect(month).ToHaveAttributeAsync("data-status", "open");
        await Screenshots.Take(page, "statements");
        var csv = await page.RunAndWaitForDownloadAsync(() => month.Locator("a.csv").ClickAsync());
        Assert.Contains("午饭 lunch", await File.ReadAllTextAsync((await csv.PathAsync())!), StringComparison.Ordinal);

        await page.ClickAsync("nav.tabs a[href='']");
        await Expect(page.Locator("#balance")).ToHaveAttributeAsync("data-minor", "97450");
        await Screenshots.Take(page, "home");

        // Money moved once each way, and the bank's books still sum to zero.
        Assert.Equal(2550, await friend.Balance(friendWallet));
        await Infrastructure.Operator.AssertBooksBalance(await browser.Operator());
        browser.AssertNoPolicyViolations();
    }

    [Fact]
    public async Task A_page_without_a_session_sends_the_visitor_to_sign_in_and_back_and_the_console_is_not_a_customers()
    {
        var customer = await Register(browser.Http());
        var page = await browser.NewPage();

        await page.GotoAsync("/app/history");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/app/signin\\?then=history$"));
        await Expect(page.Locator("#need-session")).ToBeVisibleAsync();
        await Screenshots.Take(page, "signin");
        // The API refuses the same read without the cookie, whatever the page shows.
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.Http().GetAsync("/v1/wallets")).StatusCode);

        await page.FillAsync("#phone", customer.Phone);
        await page.FillAsync("#password", "not the password");
        await page.ClickAsync("#sign-in");
        await Expect(page.Locator(".problem")).ToHaveAttributeAsync("data-code", "invalid_credentials");
        await page.FillAsync("#password", TestData.Password);
        await page.ClickAsync("#sign-in");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/app/history$"));

        // A customer who opens the console gets the API's refusal, not the operators' data.
        await page.GotoAsync("/app/console");
        await Expect(page.Locator(".problem")).ToHaveAttributeAsync("data-code", "forbidden");
        await Expect(page.Locator(".alert-row")).ToHaveCountAsync(0);

        // Signing out ends the session: the cookie no longer opens a page.
        await page.GotoAsync("/app/me");
        await page.ClickAsync("#sign-out");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/app/signin$"));
        await page.GotoAsync("/app/me");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/app/signin\\?then=me$"));

        // Where to go after signing in is a page of the app, never a place a link chose ("/\\host" is "//host" to a browser).
        await page.GotoAsync("/app/signin?then=%2F%5Cevil.example%2Fphish");
        await page.FillAsync("#phone", customer.Phone);
        await page.FillAsync("#password", TestData.Password);
        await page.ClickAsync("#sign-in");
        await Expect(page.Locator("#sign-out")).ToBeVisibleAsync();
        Assert.Equal(new Uri(browser.Api.Address, "/app/"), new Uri(page.Url));
        browser.AssertNoPolicyViolations();
    }

    [Fact]
    public async Task The_language_switch_turns_the_pages_to_English_and_back_and_is_remembered()
    {
        var customer = await Register(browser.Http());
        await customer.OpenWallet();
        var page = await browser.NewPage();
        await AppPages.SignIn(page, customer.Phone);

        await Expect(page.Locator("h1")).ToHaveTextAsync("我的钱包");
        await Expect(page.Locator("nav.tabs")).ToContainTextAsync("转账");
        await page.ClickAsync("#lang-switch");
        await Expect(page.Locator("h1")).ToHaveTextAsync("My wallet");
        await Expect(page.Locator("nav.tabs")).ToContainTextAsync("Transfer");
        Assert.Equal("en", await page.EvaluateAsync<string>("document.documentElement.lang"));
        await Screenshots.Take(page, "home-english");

        // Remembered: a reload (and every page after it) stays in English.
        await page.ReloadAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("My wallet");
        await page.ClickAsync("nav.tabs a[href=history]");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Bills");

        await page.ClickAsync("#lang-switch");
        await Expect(page.Locator("h1")).ToHaveTextAsync("账单");
        browser.AssertNoPolicyViolations();
    }

    private static string PdfText(byte[] pdf)
    {
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        return string.Concat(document.GetPages().Select(p => p.Text));
    }

    private async Task<string> SmsCode(string phone)
    {
        var messages = await Json(await browser.Http().GetAsync($"/v1/dev/sms?phone={Uri.EscapeDataString(phone)}"), HttpStatusCode.OK);
        return System.Text.RegularExpressions.Regex.Match(messages[0].GetProperty("text").GetString()!, @"\b\d{6}\b").Value;
    }
}
