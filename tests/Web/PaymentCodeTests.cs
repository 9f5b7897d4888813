using Wallet.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static Wallet.Tests.Infrastructure.ApiCustomer;

namespace Wallet.Tests.Web;

[Collection(BrowserCollection.Name)]
public sealed class PaymentCodeTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_payment_code_shows_as_a_QR_image_a_till_can_read_and_a_new_one_replaces_it_before_it_expires()
    {
        var customer = await Register(browser.Http());
        await customer.OpenWallet();
        var page = await browser.NewPage();
        // The page's clock in the test's hand (Playwright fakes Date and timers), so a minute passes at once.
        await page.Context.Clock.InstallAsync();
        await AppPages.SignIn(page, customer.Phone);

        await page.ClickAsync("nav.tabs a[href=pay-code]");
        var shown = page.Locator("#pay-code");
        await Expect(shown).ToHaveAttributeAsync("data-code", new System.Text.RegularExpressions.Regex("^28\\d{16}$"));
        var first = (await shown.GetAttributeAsync("data-code"))!;
        Assert.Equal(first, QrImages.Read(await page.Locator("#pay-code-qr").ScreenshotAsync()));
        await Screenshots.Take(page, "pay-code");

        // 50 of its 60 seconds later a new code has replaced it, and the image shows the new one.
        await page.Clock.FastForwardAsync("00:50");
        await Expect(shown).Not.ToHaveAttributeAsync("data-code", first);
        var second = (await shown.GetAttributeAsync("data-code"))!;
        Assert.Matches("^28\\d{16}$", second);
        Assert.Equal(second, QrImages.Read(await page.Locator("#pay-code-qr").ScreenshotAsync()));
        browser.AssertNoPolicyViolations();
    }
}
