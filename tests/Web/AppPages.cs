using Microsoft.Playwright;
using Wallet.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Wallet.Tests.Web;

/// <summary>What several browser tests do the same way.</summary>
public static class AppPages
{
    /// <summary>Signs in through the page, as a person would.</summary>
    public static async Task SignIn(IPage page, string phone, string password = TestData.Password)
    {
        await page.GotoAsync("/app/signin");
        await page.FillAsync("#phone", phone);
        await page.FillAsync("#password", password);
        await page.ClickAsync("#sign-in");
        await Expect(page.Locator("#sign-out")).ToBeVisibleAsync();
    }
}
