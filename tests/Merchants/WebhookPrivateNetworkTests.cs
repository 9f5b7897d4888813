using Microsoft.Extensions.Options;
using Wallet.Tests.Infrastructure;
using Wallet.Webhooks;

namespace Wallet.Tests.Merchants;

/// <summary>
/// A merchant may not aim its webhook at the bank's own machines: a private or loopback address is refused
/// when the endpoint is set, and a name resolving to one is refused when a delivery connects (the name may
/// have pointed elsewhere when it was set). Local receivers are allowed only where configuration says so.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class WebhookPrivateNetworkTests(ClusterFixture fixture)
{
    [Theory]
    [InlineData("https://127.0.0.1/hook")]
    [InlineData("https://localhost/hook")]
    [InlineData("https://wallet.localhost/hook")]
    [InlineData("https://10.1.2.3/hook")]
    [InlineData("https://172.20.0.1/hook")]
    [InlineData("https://192.168.1.10/hook")]
    [InlineData("https://169.254.169.254/latest/meta-data")]
    [InlineData("https://100.64.0.1/hook")]
    [InlineData("https://0.0.0.0/hook")]
    [InlineData("https://[::1]/hook")]
    [InlineData("https://[fd00::1]/hook")]
    [InlineData("https://[fe80::1]/hook")]
    [InlineData("https://[::ffff:10.0.0.1]/hook")]
    public void Private_and_loopback_endpoints_are_refused_unless_allowed(string url)
    {
        Assert.Contains("public addresses only", WebhookEndpoints.Problem(url, requireHttps: true, allowPrivateNetworks: false), StringComparison.Ordinal);
        Assert.Null(WebhookEndpoints.Problem(url, requireHttps: true, allowPrivateNetworks: true));
    }

    [Theory]
    [InlineData("https://shop.example/hooks/wallet")]
    [InlineData("https://8.8.8.8/hook")]
    [InlineData("https://172.32.0.1/hook")]
    [InlineData("https://[2001:db8::1]/hook")]
    public void Public_endpoints_are_accepted(string url) => Assert.Null(WebhookEndpoints.Problem(url, requireHttps: true, allowPrivateNetworks: false));

    [Fact]
    public async Task A_delivery_to_a_name_or_address_on_a_private_network_is_refused_before_connecting()
    {
        var (merchant, onboarded) = await fixture.Scenario.NewMerchant();
        await using var receiver = await WebhookReceiver.Start();
        receiver.Secret = onboarded.Secret;
        var paid = new WebhookEvent("evt_private_test", "payment.succeeded", DateTimeOffset.UtcNow, """{"id":"evt_private_test"}""");
        var byName = receiver.Url.Replace("127.0.0.1", "localhost", StringComparison.Ordinal);

        using var guarded = new WebhookSender(Options.Create(new WebhookOptions { AllowPrivateNetworks = false }), TimeProvider.System);
        var toAddress = await guarded.Send(receiver.Url, merchant, onboarded.MerchantId, paid, 1);
        var toName = await guarded.Send(byName, merchant, onboarded.MerchantId, paid, 1);
        using var open = new WebhookSender(Options.Create(new WebhookOptions { AllowPrivateNetworks = true }), TimeProvider.System);
        var allowed = await open.Send(receiver.Url, merchant, onboarded.MerchantId, paid, 1);

        Assert.Equal((false, null), (toAddress.Accepted, toAddress.ResponseStatus));
        Assert.Contains("private address", toName.Error, StringComparison.Ordinal);
        Assert.Contains("private address", toAddress.Error, StringComparison.Ordinal);
        Assert.True(allowed.Accepted, allowed.Error);
        Assert.Single(receiver.Received); // only the allowed one arrived
    }
}
