using System.Globalization;
using System.Net;
using Microsoft.Playwright;
using Wallet.Simulators;
using Wallet.Tests.Infrastructure;
using Wallet.Tests.Utilities;
using Wallet.Utilities;
using static Microsoft.Playwright.Assertions;
using static Wallet.Tests.Infrastructure.ApiCustomer;

namespace Wallet.Tests.Web;

/// <summary>Utility bills (生活缴费) in the browser: a customer's payees, a bill paid with the PIN, one the biller refuses, and the console's billers.</summary>
[Collection(BrowserCollection.Name)]
public sealed class UtilityBillsPagesTests(BrowserFixture browser)
{
    private static readonly BillerProfile Water = SeededBillers.ShanghaiWater;

    [Fact]
    public async Task A_customer_saves_a_water_account_pays_its_bill_with_the_PIN_and_a_payment_the_biller_refuses_comes_back_with_the_reason()
    {
        var customer = await Register(browser.Http());
        var wallet = await customer.FundedWallet(100_000);
        var page = await browser.NewPage();
        await AppPages.SignIn(page, customer.Phone);

        await page.ClickAsync("nav.tabs a[href=bills]");
        await Expect(page.Locator("#no-payees")).ToBeVisibleAsync();
        var home = await SavePayee(page, Billing.Account(Water), "家里的水费");
        var payeeId = (await home.GetAttributeAsync("data-payee"))!;
        var amount = (await Json(await customer.Http.GetAsync($"/v1/bill-payees/{payeeId}/bill"), HttpStatusCode.OK)).GetProperty("amount").GetInt64();
        await Expect(home.Locator(".bill")).ToHaveAttributeAsync("data-bill-status", "unpaid");
        await Expect(home).ToContainTextAsync(Yuan(amount));
        await Screenshots.Take(page, "bills");

        await home.Locator("a.what").ClickAsync();
        await Expect(page.Locator("#current-bill .bill")).ToHaveAttributeAsync("data-bill-status", "unpaid");
        await page.FillAsync("#pay-pin", TestData.Pin);
        await page.ClickAsync("#pay");
        await Expect(page.Locator("#payment-answer")).ToHaveAttributeAsync("data-biller-status", "paid");
        await Expect(page.Locator("#current-bill .bill")).ToHaveAttributeAsync("data-bill-status", "paid");
        await Expect(page.Locator("#available")).ToHaveAttributeAsync("data-minor", (100_000 - amount).ToString(CultureInfo.InvariantCulture));
        await Expect(page.Locator(".bill-payment[data-biller-status=paid]")).ToHaveCountAsync(1);
        await Expect(page.Locator("#nothing-due")).ToBeVisibleAsync(); // paid: no form to pay it twice
        await Expect(page.Locator("#pay")).ToHaveCountAsync(0);
        await Screenshots.Take(page, "bill-paid");
        Assert.Equal(100_000 - amount, await customer.Balance(wallet));

        // An account the biller has closed: the payment leaves and comes straight back, and the page says why.
        await page.ClickAsync("nav.tabs a[href=bills]");
        var closed = await SavePayee(page, Billing.Account(Water, SimulatedBillingCompany.Refuses), "");
        await Expect(page.Locator(".payee")).ToHaveCountAsync(2);
        await closed.Locator("a.what").ClickAsync();
        await page.FillAsync("#pay-pin", TestData.Pin);
        await page.ClickAsync("#pay");
        var answer = page.Locator("#payment-answer");
        await Expect(answer).ToHaveAttributeAsync("data-biller-status", "refunded");
        await Expect(page.Locator("#refund-reason")).ToContainTextAsync("The account is closed at the biller.");
        await Expect(page.Locator(".bill-payment[data-biller-status=refunded]")).ToHaveCountAsync(1);
        await Expect(page.Locator("#current-bill .bill")).ToHaveAttributeAsync("data-bill-status", "unpaid");
        await Expect(page.Locator("#available")).ToHaveAttributeAsync("data-minor", (100_000 - amount).ToString(CultureInfo.InvariantCulture));
        await Screenshots.Take(page, "bill-refunded");

        // Autopay given with a cap and the PIN, shown, then stopped.
        await page.FillAsync("#autopay-cap", "300");
        await page.FillAsync("#autopay-pin", TestData.Pin);
        await page.ClickAsync("#set-autopay");
        await Expect(page.Locator("#autopay")).ToHaveAttributeAsync("data-cap", "30000");
        await page.ClickAsync("#cancel-autopay");
        await Expect(page.Locator("#autopay-form")).ToBeVisibleAsync();

        await page.ClickAsync("nav.tabs a[href='']");
        await Expect(page.Locator("#balance")).ToHaveAttributeAsync("data-minor", (100_000 - amount).ToString(CultureInfo.InvariantCulture));
        Assert.Equal(100_000 - amount, await customer.Balance(wallet));
        await Infrastructure.Operator.AssertBooksBalance(await browser.Operator());
        browser.AssertNoPolicyViolations();
    }

    [Fact]
    public async Task An_operator_sees_what_the_bank_holds_for_each_biller_and_adds_one()
    {
        var customer = await Register(browser.Http());
        var wallet = await customer.FundedWallet(100_000);
        var payee = await Json(await customer.Post("/v1/bill-payees", new { billerId = Water.BillerId, accountNumber = Billing.Account(Water) }), HttpStatusCode.Created);
        await Json(await customer.Post($"/v1/bill-payees/{payee.GetProperty("payeeId").GetString()}/payments", new { walletId = wallet, currency = "CNY", pin = TestData.Pin },
            "console-water"), HttpStatusCode.Created);
        var operators = await browser.Operator();
        var billers = await Json(await operators.GetAsync("/v1/ops/billers"), HttpStatusCode.OK);
        var owed = billers.GetProperty("items").EnumerateArray().Single(b => b.GetProperty("biller").GetProperty("billerId").GetString() == Water.BillerId)
            .GetProperty("owed").GetInt64();
        Assert.True(owed > 0);

        var page = await browser.NewPage(desk: true);
        await AppPages.SignIn(page, BrowserFixture.OperatorPhone, BrowserFixture.OperatorPassword);
        await page.ClickAsync("nav.tabs a[href='console/billers']");
        var row = page.Locator($".biller-row[data-biller={Water.BillerId}]");
        await Expect(row).ToHaveAttributeAsync("data-owed", owed.ToString(CultureInfo.InvariantCulture));
        await Expect(row).ToContainTextAsync(Yuan(owed));
        await Expect(page.Locator("#late-confirmations")).ToBeVisibleAsync();
        await Screenshots.Take(page, "console-billers");

        // A biller the bank signed with: added here, at once in the customers' list.
        var name = $"杭州水务{Random.Shared.Next(1000, 10000)}";
        await page.FillAsync("#biller-name", name);
        await page.FillAsync("#biller-city", "杭州");
        await page.FillAsync("#rule-min", "8");
        await page.FillAsync("#rule-max", "8");
        await page.ClickAsync("#add-biller-submit");
        var added = page.Locator(".biller-row").Filter(new() { HasText = name });
        await Expect(added).ToHaveAttributeAsync("data-owed", "0");
        var listed = await Json(await customer.Http.GetAsync("/v1/billers?city=杭州"), HttpStatusCode.OK);
        Assert.Contains(listed.GetProperty("items").EnumerateArray(), b => b.GetProperty("name").GetString() == name);
        browser.AssertNoPolicyViolations();
    }

    /// <summary>Adds a payee through the form and answers its row in the list.</summary>
    private static async Task<ILocator> SavePayee(IPage page, string account, string nickname)
    {
        await page.SelectOptionAsync("#biller", Water.BillerId);
        await Expect(page.Locator("#account-shape")).ToContainTextAsync("10位数字");
        await page.FillAsync("#account-number", account);
        await page.FillAsync("#nickname", nickname);
        await page.ClickAsync("#save-payee");
        var row = page.Locator(".payee").Filter(new() { HasText = account });
        await Expect(row).ToHaveCountAsync(1);
        return row;
    }

    private static string Yuan(long fen) => "¥" + (fen / 100m).ToString("#,0.00", CultureInfo.InvariantCulture);
}
