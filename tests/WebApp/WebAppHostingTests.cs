using System.Net;
using Wallet.Tests.Infrastructure;
using static Wallet.Tests.Infrastructure.ApiCustomer;

namespace Wallet.Tests.WebApp;

/// <summary>The app's files from the API host: its one page for every path of its own, with the headers a bank's page needs.</summary>
[Collection(ApiCollection.Name)]
public sealed class WebAppHostingTests(ApiFixture api)
{
    [Theory]
    [InlineData("/app/")]
    [InlineData("/app/history")]
    [InlineData("/app/console/customers/cus_x")]
    public async Task Every_page_of_the_app_is_its_one_page_under_a_policy_that_allows_no_inline_script_and_nothing_from_elsewhere(string path)
    {
        var page = await api.CreateClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("<base href=\"/app/\" />", html, StringComparison.Ordinal);
        Assert.DoesNotMatch("<script>|<script type=\"importmap\"|<style|style=\"|https?://", html);
        var policy = page.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("default-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("script-src 'self' 'wasm-unsafe-eval';", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        Assert.Equal("DENY", page.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("nosniff", page.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task The_root_leads_to_the_app_its_files_are_served_and_the_API_keeps_its_own_404()
    {
        var http = api.CreateClient(new() { AllowAutoRedirect = false });

        var root = await http.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, root.StatusCode);
        Assert.Equal("/app/", root.Headers.Location?.OriginalString);
        var css = await http.GetAsync("/app/css/app.css");
        Assert.Equal((HttpStatusCode.OK, "text/css"), (css.StatusCode, css.Content.Headers.ContentType?.MediaType));
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/app/_framework/blazor.webassembly.js")).StatusCode);
        // A file the app does not have is 404, not the app's page; so is any unknown API path.
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/app/missing.js")).StatusCode);
        await Problem(await http.GetAsync("/v1/no-such-route"), HttpStatusCode.NotFound, "not_found");
    }
}
