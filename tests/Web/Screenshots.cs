using Microsoft.Playwright;
using Wallet.Tests.Infrastructure;

namespace Wallet.Tests.Web;

/// <summary>
/// Each page the browser tests visit, kept as a PNG under <c>artifacts/screenshots/</c> (ignored by git). With
/// WALLET_UPDATE_SCREENSHOTS=1 the README's pictures (docs/screenshots) are taken anew from the same run.
/// </summary>
public static class Screenshots
{
    private static readonly string[] s_inReadme = ["home", "console-customer"];

    public static async Task Take(IPage page, string name)
    {
        var folder = Repository.PathOf("artifacts", "screenshots");
        Directory.CreateDirectory(folder);
        var png = await page.ScreenshotAsync(new() { FullPage = true });
        await File.WriteAllBytesAsync(Path.Combine(folder, name + ".png"), png);
        if (Environment.GetEnvironmentVariable("WALLET_UPDATE_SCREENSHOTS") == "1" && s_inReadme.Contains(name))
        {
            await File.WriteAllBytesAsync(Repository.PathOf("docs", "screenshots", name + ".png"), png);
        }
    }
}
