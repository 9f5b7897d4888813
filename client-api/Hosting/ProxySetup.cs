using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Wallet.ClientApi.Hosting;

/// <summary>
/// The client's address as the proxies in front of the API saw it: <c>X-Forwarded-For</c> is believed
/// only from the addresses in <c>Wallet:Http:KnownProxies</c> and the networks in
/// <c>Wallet:Http:KnownNetworks</c> (CIDR), none by default. The rate limits of the open routes are
/// kept per this address, so behind the load balancer each client has its own budget instead of all
/// sharing the balancer's.
/// </summary>
public static class ProxySetup
{
    public const string KnownProxiesKey = "Wallet:Http:KnownProxies";
    public const string KnownNetworksKey = "Wallet:Http:KnownNetworks";

    public static WebApplicationBuilder AddWalletProxies(this WebApplicationBuilder builder)
    {
        // Read as the host is built, so an address that does not parse stops start-up naming its key.
        var proxies = Values(builder.Configuration, KnownProxiesKey).Select(text => IPAddress.TryParse(text, out var address)
            ? address
            : throw new InvalidOperationException($"{KnownProxiesKey} lists \"{text}\", which is not an IP address.")).ToList();
        var networks = Values(builder.Configuration, KnownNetworksKey).Select(text => System.Net.IPNetwork.TryParse(text, out var network)
            ? network
            : throw new InvalidOperationException($"{KnownNetworksKey} lists \"{text}\", which is not a network such as 10.0.0.0/8.")).ToList();
        if (proxies.Count == 0 && networks.Count == 0)
        {
            // The middleware stays off (it forwards nothing by default): with both lists empty it would believe anyone.
            return builder;
        }
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor;
            // The framework's defaults trust loopback. Cleared on purpose: a client whose connection
            // arrives from this machine (a sidecar or tunnel passing headers through) could otherwise
            // name any address and pick its own rate-limit bucket. Only what the operator lists is trusted.
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            proxies.ForEach(options.KnownProxies.Add);
            networks.ForEach(options.KnownIPNetworks.Add);
            // Entries are taken from the right while the hop that added them is a known proxy, so a chain
            // of proxies works and whatever a client wrote to the left of its own address is ignored.
            options.ForwardLimit = null;
        });
        return builder;
    }

    /// <summary>A list as configuration items (<c>:0</c>, <c>:1</c>…) or one value separated by commas (an environment variable).</summary>
    private static IEnumerable<string> Values(IConfiguration configuration, string key)
    {
        var section = configuration.GetSection(key);
        var children = section.GetChildren().Select(c => c.Value ?? "").ToList();
        var items = children.Count > 0 ? children : [section.Value ?? ""];
        return items.SelectMany(v => v.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }
}
