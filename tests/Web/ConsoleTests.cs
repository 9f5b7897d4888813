using System.Net;
using System.Security.Cryptography;
using Wallet.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static Wallet.Tests.Infrastructure.ApiCustomer;

namespace Wallet.Tests.Web;

/// <summary>The operators' console in the browser: what a risk officer does with a transfer the monitor held.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ConsoleTests(BrowserFixture browser)
{
    [Fact]
    public async Task An_operator_finds_the_alert_and_releases_the_held_transfer_which_then_reaches_the_recipient_once()
    {
        var alice = await Register(browser.Http());
        var wallet = await alice.FundedWallet(500_000);
        var bob = await Register(browser.Http());
        var bobWallet = await bob.OpenWallet();
        // A new device then a large transfer: the monitor puts Alice under review, so her next transfer is held.
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        await Json(await alice.Post("/v1/me/devices", new { publicKey = Convert.ToBase64String(key.ExportSubjectPublicKeyInfo()) }), HttpStatusCode.Created);
        await Json(await alice.Post("/v1/transfers", alice.TransferBody(wallet, bobWallet, 100_000), "large"), HttpStatusCode.Created);
        var operators = await browser.Operator();
        await Eventually.Until(async () => (await Json(await operators.GetAsync($"/v1/ops/risk/customers/{alice.Id}"), HttpStatusCode.OK))
            .GetProperty("restriction").GetString() == "review", "Alice under review");
        var held = await Json(await alice.Post("/v1/transfers", alice.TransferBody(wallet, bobWallet, 12_300), "held"), HttpStatusCode.Accepted);
        var transferId = held.GetProperty("transferId").GetString()!;

        var page = await browser.NewPage(desk: true);
        await AppPages.SignIn(page, BrowserFixture.OperatorPhone, BrowserFixture.OperatorPassword);
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/app/console$"));
        var alert = page.Locator($".alert-row:has(a[href='console/customers/{alice.Id}'])");
        await Expect(alert.First).ToHaveAttributeAsync("data-rule", "new_device_large_payment");
        await Screenshots.Take(page, "console-alerts");
        await alert.First.Locator("a").ClickAsync();

        var row = page.Locator($".held-row[data-movement='{transferId}']");
        await Expect(row).ToHaveAttributeAsync("data-status", "held_for_review");
        await Expect(row).ToContainTextAsync("¥123.00");
        await Screenshots.Take(page, "console-customer");
        await row.Locator("button.release").ClickAsync();
        await Expect(row).ToHaveAttributeAsync("data-status", "completed");
        await Expect(row.Locator("button.release")).ToHaveCountAsync(0);

        // Released once: Bob has the large transfer and this one, no more; the books sum to zero.
        Assert.Equal(112_300, await bob.Balance(bobWallet));
        Assert.Equal(500_000 - 112_300, await alice.Balance(wallet));
        await page.ClickAsync("nav.tabs a[href='console/ledger']");
        await Expect(page.Locator("#ledger-balanced")).ToHaveAttributeAsync("data-balanced", "true");
        await Screenshots.Take(page, "console-ledger");
        await Infrastructure.Operator.AssertBooksBalance(operators);
        browser.AssertNoPolicyViolations();
    }

    [Fact]
    public async Task An_operator_reads_a_merchants_settlements_and_failed_deliveries_freezes_a_customers_wallet_and_opens_the_cluster_dashboard()
    {
        var operators = await browser.Operator();
        var shop = await ApiMerchant.Onboard(operators, browser.Http(), name: "Console Corner Shop", settlementCard: TestData.Card());
        var payer = await Register(browser.Http());
        var payerWallet = await payer.FundedWallet(5_000);
        var code = await Json(await shop.Send(HttpMethod.Post, "/v1/merchant/qr-codes", System.Text.Json.JsonSerializer.Serialize(new { amount = 4_000, currency = "CNY" })), HttpStatusCode.Created);
        await Json(await payer.Post("/v1/payments", new { qrPayload = code.GetProperty("payload").GetString(), fromWalletId = payerWallet, pin = TestData.Pin }, "console-pay"), HttpStatusCode.Created);
        var settlement = await Json(await shop.Send(HttpMethod.Post, "/v1/merchant/settlements"), HttpStatusCode.Created);
        var page = await browser.NewPage(desk: true);
        await AppPages.SignIn(page, BrowserFixture.OperatorPhone, BrowserFixture.OperatorPassword);

        await page.ClickAsync("nav.tabs a[href='console/merchants']");
        await page.FillAsync("#merchant-name", "Console Corner");
        await page.PressAsync("#merchant-name", "Enter");
        await page.ClickAsync($"#merchants a[href='console/merchants/{shop.Id}']");
        await Expect(page.Locator($".settlement-row[data-settlement='{settlement.GetProperty("settlementId").GetString()}']")).ToContainTextAsync("¥39.85");
        await Expect(page.Locator(".delivery-row")).ToHaveCountAsync(0); // no webhook endpoint: nothing failed
        await Screenshots.Take(page, "console-merchant");

        await page.ClickAsync("nav.tabs a[href=console]");
        await page.FillAsync("#find-phone", payer.Phone);
        await page.ClickAsync("#find");
        var row = page.Locator($".wallet-row[data-wallet='{payerWallet}']");
        await Expect(row).ToHaveAttributeAsync("data-status", "active");
        await page.FillAsync("#review-note", "customer called: phone stolen");
        await row.Locator(".freeze-wallet").ClickAsync();
        await Expect(row).ToHaveAttributeAsync("data-status", "frozen");
        await Problem(await payer.Post("/v1/transfers", payer.TransferBody(payerWallet, shop.SettlementWalletId, 100), "after-freeze"), HttpStatusCode.Conflict, "wallet_frozen");
        await row.Locator(".unfreeze-wallet").ClickAsync();
        await Expect(row).ToHaveAttributeAsync("data-status", "active");

        var dashboard = await page.GotoAsync("/dashboard/");
        Assert.Equal(200, dashboard!.Status);
        await Expect(page.GetByText("Loading...")).ToHaveCountAsync(0); // its figures came, through the cookie
        await Screenshots.Take(page, "console-dashboard");
        Assert.Equal(1_000, await payer.Balance(payerWallet));
        await Infrastructure.Operator.AssertBooksBalance(operators);
        browser.AssertNoPolicyViolations();
    }
}
