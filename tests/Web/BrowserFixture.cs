using Microsoft.Playwright;
using Wallet.Tests.Readme;

namespace Wallet.Tests.Web;

/// <summary>
/// The wallet started as the README starts it (the built API in the embedded mode), and Debian's Chromium driven by
/// Playwright, headless, as a phone-sized browser. One for the collection; each test opens contexts of its own
/// (its own cookies), and creates the customers it needs.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string OperatorPhone = "+15550002222";
    public const string OperatorPassword = "browser operator secret";

    /// <summary>Debian's package (tests/run.sh installs it); WALLET_CHROMIUM names another.</summary>
    public static string ChromiumPath => Environment.GetEnvironmentVariable("WALLET_CHROMIUM") ?? "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public EmbeddedApiProcess Api { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Assert.True(File.Exists(ChromiumPath), $"The browser tests need Chromium at {ChromiumPath} (Debian's chromium package; tests/run.sh installs it).");
        // The night-time rule would alert on large payments when CI runs between 00:00 and 05:00 in Shanghai, and an
        // open alert makes the next restricting rule climb a step: the held-transfer test needs exactly `review`.
        // Every test's people come from one address, 127.0.0.1: the per-address limits on signing in, registering and
        // texts (20, 10 and 5 a minute) would refuse the suite's, not an attacker's (their own tests cover them).
        Api = await EmbeddedApiProcess.StartReady(OperatorPhone, OperatorPassword, new Dictionary<string, string>
        {
            ["Wallet__Risk__NightTime__Enabled"] = "false",
            ["Wallet__RateLimits__SignIn__PermitLimit"] = "100000",
            ["Wallet__RateLimits__Registration__PermitLimit"] = "100000",
            ["Wallet__RateLimits__Sms__PermitLimit"] = "100000",
        });
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = ChromiumPath, Headless = true });
        // A WebAssembly app's first load on a busy 2-core machine takes seconds, not milliseconds.
        Assertions.SetDefaultExpectTimeout(30_000);
    }

    /// <summary>A new browser with no cookies: a person arriving at the app on a phone, or an operator at a desk.</summary>
    public async Task<IPage> NewPage(bool desk = false)
    {
        var context = await Browser.NewContextAsync(new()
        {
            BaseURL = Api.Address.ToString(),
            ViewportSize = desk ? new() { Width = 1280, Height = 800 } : new() { Width = 390, Height = 844 },
            Locale = "zh-CN",
        });
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        // Whatever the Content-Security-Policy blocks, Chromium reports on the console: every test ends by
        // asking that nothing was (an inline style or a script from elsewhere would break the page in the field).
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                lock (_violations)
                {
                    _violations.Add($"{page.Url}: {message.Text}");
                }
            }
        };
        return page;
    }

    private readonly List<string> _violations = [];

    /// <summary>Nothing any page did was refused by its Content-Security-Policy.</summary>
    public void AssertNoPolicyViolations()
    {
        lock (_violations)
        {
            Assert.True(_violations.Count == 0, "blocked by the Content-Security-Policy:\n" + string.Join("\n", _violations));
        }
    }

    /// <summary>An HTTP client of the same API, for what a test sets up or checks outside the browser.</summary>
    public HttpClient Http() => new() { BaseAddress = Api.Address };

    public async Task<HttpClient> Operator() => await Infrastructure.Operator.SignIn(Http(), OperatorPhone, OperatorPassword);

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        _playwright?.Dispose();
        if (Api is not null)
        {
            await Api.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "the web app in Chromium";
}
