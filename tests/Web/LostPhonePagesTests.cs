using System.Net;
using System.Net.Http.Json;
using Wallet.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static Wallet.Tests.Infrastructure.ApiCustomer;

namespace Wallet.Tests.Web;

/// <summary>
/// A stolen phone in the browser: the owner, signed in on another device, reports it lost (the stolen phone's session is refused
/// at once), then recovers with a texted code, the identity number, a new password and PIN, and signs in again; a customer with
/// no session reports with a code; an operator reports for a caller and records the identity check. Each outcome is checked
/// through the API too.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LostPhonePagesTests(BrowserFixture browser)
{
    private const string NewPassword = "recovered Passw0rd";

    [Fact]
    public async Task The_owner_reports_from_another_device_and_recovers_with_the_identity_check()
    {
        var (customer, wallet, idNumber) = await Verified();
        var stolen = await browser.NewPage();
        await AppPages.SignIn(stolen, customer.Phone);
        var page = await browser.NewPage();
        await AppPages.SignIn(page, customer.Phone);

        await page.ClickAsync("nav.tabs a[href=me]");
        await page.ClickAsync("#go-protection");
        await Expect(page.Locator("#backup-phone")).ToHaveAttributeAsync("data-set", "false");
        await page.FillAsync("#report-password", TestData.Password);
        await page.ClickAsync("#report-lost");
        await Expect(page.Locator("#report")).ToHaveAttributeAsync("data-completed", "true");
        await Expect(page.Locator("#frozen-count")).ToHaveAttributeAsync("data-count", "1");
        await Expect(page.Locator("#sessions-count")).ToHaveAttributeAsync("data-count", "3"); // the API test client's, the stolen phone's, this one
        await Screenshots.Take(page, "lost-report");

        // The stolen phone's next request is refused: it is sent to sign in, and the password no longer signs in.
        await stolen.GotoAsync("/app/history");
        await Expect(stolen.Locator("#need-session")).ToBeVisibleAsync();
        await stolen.FillAsync("#phone", customer.Phone);
        await stolen.FillAsync("#password", TestData.Password);
        await stolen.ClickAsync("#sign-in");
        await Expect(stolen.Locator(".problem")).ToHaveAttributeAsync("data-code", "account_reported_lost");
        await Problem(await customer.Http.GetAsync("/v1/me"), HttpStatusCode.Unauthorized, "unauthorized");

        // Recovery: a code to the phone (a new SIM), the identity number, a new password and PIN; the wallet is unfrozen.
        await page.ClickAsync("#go-recover");
        await page.FillAsync("#recover-phone", customer.Phone);
        await page.ClickAsync("#recover-send-code");
        await Expect(page.Locator("#recover-code-sent")).ToBeVisibleAsync();
        await page.FillAsync("#recover-code", await Sms(customer.Phone));
        await page.FillAsync("#recover-id-number", idNumber);
        await page.FillAsync("#recover-password", NewPassword);
        await page.FillAsync("#recover-pin", "975310");
        await page.ClickAsync("#recover");
        await Expect(page.Locator("#recovered")).ToHaveAttributeAsync("data-unfrozen", "1");
        await AppPages.SignIn(page, customer.Phone, NewPassword);
        using var http = browser.Http();
        var token = await Json(await http.PostAsJsonAsync("/v1/auth/token", new { phone = customer.Phone, password = NewPassword }), HttpStatusCode.OK);
        http.DefaultRequestHeaders.Authorization = new("Bearer", token.GetProperty("accessToken").GetString());
        Assert.Equal("active", (await Json(await http.GetAsync($"/v1/wallets/{wallet}"), HttpStatusCode.OK)).GetProperty("status").GetString());
        browser.AssertNoPolicyViolations();
    }

    [Fact]
    public async Task Without_a_session_a_customer_reports_with_a_code_and_an_operator_checks_who_calls()
    {
        var (customer, _, _) = await Verified();
        var page = await browser.NewPage();
        await page.GotoAsync("/app/signin");
        await page.ClickAsync("#go-lost");
        await page.FillAsync("#lost-phone", customer.Phone);
        await page.SelectOptionAsync("#lost-proof", "phone");
        await page.ClickAsync("#lost-send-code");
        await Expect(page.Locator("#lost-code-sent")).ToBeVisibleAsync();
        await page.FillAsync("#lost-code", "000000");
        await page.ClickAsync("#lost-report");
        await Expect(page.Locator(".problem")).ToHaveAttributeAsync("data-code", "invalid_verification_code");
        await page.FillAsync("#lost-code", await Sms(customer.Phone));
        await page.ClickAsync("#lost-report");
        await Expect(page.Locator("#report")).ToHaveAttributeAsync("data-completed", "true");
        await Problem(await customer.Http.GetAsync("/v1/me"), HttpStatusCode.Unauthorized, "unauthorized");

        // The operator sees the report on the customer's page and, after a call back, records the identity check.
        var desk = await browser.NewPage(desk: true);
        await AppPages.SignIn(desk, BrowserFixture.OperatorPhone, BrowserFixture.OperatorPassword);
        await desk.GotoAsync($"/app/console/customers/{customer.Id}");
        await Expect(desk.Locator("#protection-status")).ToHaveAttributeAsync("data-status", "reported_lost");
        await desk.FillAsync("#protection-note", "called back on the registered number");
        await desk.ClickAsync("#approve-recovery");
        await Expect(desk.Locator("#recovery-approved")).ToBeVisibleAsync();

        // Another customer, who calls: the operator reports for them.
        var caller = await Register(browser.Http());
        await desk.GotoAsync($"/app/console/customers/{caller.Id}");
        await Expect(desk.Locator("#protection-status")).ToHaveAttributeAsync("data-status", "normal");
        await desk.FillAsync("#protection-note", "caller named the last payment");
        await desk.ClickAsync("#report-for-caller");
        await Expect(desk.Locator("#protection-status")).ToHaveAttributeAsync("data-status", "reported_lost");
        await Problem(await caller.Http.GetAsync("/v1/me"), HttpStatusCode.Unauthorized, "unauthorized");
        browser.AssertNoPolicyViolations();
    }

    private async Task<(ApiCustomer Customer, string Wallet, string IdNumber)> Verified()
    {
        var customer = await Register(browser.Http());
        var idNumber = TestData.IdNumber();
        await Json(await customer.Http.PostAsJsonAsync("/v1/me/verification", new { name = "韩梅梅", idNumber }), HttpStatusCode.OK);
        return (customer, await customer.FundedWallet(10_000), idNumber);
    }

    private Task<string> Sms(string phone) => LatestSmsCode(browser.Http(), phone);
}
