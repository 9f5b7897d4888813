using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Wallet.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static Wallet.Tests.Infrastructure.ApiCustomer;

namespace Wallet.Tests.Web;

/// <summary>The rest of a customer's pages, each doing its one thing against the API behind it.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CustomerPagesTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_customer_withdraws_pays_a_merchants_QR_code_and_sees_it_in_the_months_spending_by_category()
    {
        var customer = await Register(browser.Http());
        var wallet = await customer.FundedWallet(50_000);
        var noodles = await ApiMerchant.Onboard(await browser.Operator(), browser.Http(), name: "兰州拉面", category: "5812", nameLatin: "Lanzhou Noodles");
        var code = await Json(await noodles.Send(HttpMethod.Post, "/v1/merchant/qr-codes", JsonSerializer.Serialize(new { amount = 1_234, currency = "CNY" })), HttpStatusCode.Created);
        var page = await browser.NewPage();
        await AppPages.SignIn(page, customer.Phone);

        await page.GotoAsync("/app/withdraw");
        await page.FillAsync("#amount", "100");
        await page.FillAsync("#pin", TestData.Pin);
        await page.ClickAsync("#submit");
        await Expect(page.Locator("#done")).ToContainTextAsync("¥100.00");
        await Screenshots.Take(page, "withdraw");

        await page.GotoAsync("/app/pay");
        await page.FillAsync("#qr-payload", code.GetProperty("payload").GetString()!);
        await page.FillAsync("#pin", TestData.Pin);
        await page.ClickAsync("#submit");
        await Expect(page.Locator("#done")).ToHaveAttributeAsync("data-status", "completed");
        await Screenshots.Take(page, "pay");

        Assert.Equal(50_000 - 10_000 - 1_234, await customer.Balance(wallet));
        Assert.Equal(1_234, await noodles.Balance());
        await Infrastructure.Operator.AssertBooksBalance(await browser.Operator());

        // The analysis follows the ledger by its events: once it has the payment, the chart shows it as dining.
        await Eventually.Until(async () => (await Json(await customer.Http.GetAsync("/v1/me/spending?currency=CNY"), HttpStatusCode.OK)).GetProperty("total").GetInt64() > 0,
            "the payment in the month's spending");
        await page.GotoAsync("/app/spending");
        await Expect(page.Locator(".bar[data-category=dining]")).ToHaveAttributeAsync("data-minor", "1234");
        await Expect(page.Locator("#spending-chart")).ToContainTextAsync("餐饮");
        await Screenshots.Take(page, "spending");
        browser.AssertNoPolicyViolations();
    }

    [Fact]
    public async Task A_customer_reads_the_inbox_removes_a_device_key_and_freezes_then_unfreezes_the_wallet()
    {
        var customer = await Register(browser.Http());
        var wallet = await customer.FundedWallet(10_000);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var device = (await Json(await customer.Post("/v1/me/devices", new { publicKey = Convert.ToBase64String(key.ExportSubjectPublicKeyInfo()) }), HttpStatusCode.Created))
            .GetProperty("deviceId").GetString();
        var page = await browser.NewPage();
        await AppPages.SignIn(page, customer.Phone);

        var inbox = (await Json(await customer.Http.GetAsync("/v1/me/notifications?limit=50"), HttpStatusCode.OK)).GetProperty("items");
        await page.ClickAsync("nav.tabs a[href=me]");
        await page.ClickAsync("#go-notifications");
        await Expect(page.Locator(".note")).ToHaveCountAsync(inbox.GetArrayLength());
        await Screenshots.Take(page, "notifications");

        await page.GotoAsync("/app/devices");
        await Expect(page.Locator($".device[data-device='{device}']")).ToHaveCountAsync(1);
        await Screenshots.Take(page, "devices");
        await page.ClickAsync(".remove-device");
        await Expect(page.Locator("#no-devices")).ToBeVisibleAsync();
        Assert.Empty((await Json(await customer.Http.GetAsync("/v1/me/devices"), HttpStatusCode.OK)).GetProperty("items").EnumerateArray());

        await page.GotoAsync("/app/wallet");
        await page.ClickAsync("#freeze");
        await Expect(page.Locator("#wallet-state")).ToHaveAttributeAsync("data-status", "frozen");
        Assert.Equal("frozen", (await Json(await customer.Http.GetAsync($"/v1/wallets/{wallet}"), HttpStatusCode.OK)).GetProperty("status").GetString());
        await Screenshots.Take(page, "wallet-frozen");
        await page.ClickAsync("#send-unfreeze-code");
        await page.FillAsync("#unfreeze-code", "000000");
        await page.FillAsync("#unfreeze-pin", TestData.Pin);
        await page.ClickAsync("#unfreeze");
        await Expect(page.Locator(".problem")).ToHaveAttributeAsync("data-code", "invalid_verification_code");
        await page.FillAsync("#unfreeze-code", await customer.LatestSmsCode());
        await page.FillAsync("#unfreeze-pin", TestData.Pin);
        await page.ClickAsync("#unfreeze");
        await Expect(page.Locator("#wallet-state")).ToHaveAttributeAsync("data-status", "active");
        Assert.Equal(10_000, await customer.Balance(wallet));
        browser.AssertNoPolicyViolations();
    }
}
