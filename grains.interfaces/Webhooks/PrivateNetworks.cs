using System.Net;
using System.Net.Sockets;

namespace Wallet.Webhooks;

/// <summary>
/// Addresses a webhook must not reach from inside the bank: loopback, private, shared and link-local
/// ranges (a cloud's metadata service is 169.254.169.254), unspecified and multicast ones. Without this,
/// a merchant could point its webhook at the bank's own network and have the silos call it (SSRF).
/// </summary>
public static class PrivateNetworks
{
    public static bool Contains(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.IPv6None))
        {
            return true;
        }
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var first = address.GetAddressBytes()[0];
            return address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast || (first & 0xfe) == 0xfc; // fc00::/7, unique local
        }
        var b = address.GetAddressBytes();
        return b[0] is 0 or 10 or 127 or >= 224 // this network, private, loopback, multicast and reserved
            || (b[0] == 172 && b[1] is >= 16 and <= 31)
            || (b[0] == 192 && b[1] == 168)
            || (b[0] == 169 && b[1] == 254) // link-local
            || (b[0] == 100 && b[1] is >= 64 and <= 127); // shared address space (carrier-grade NAT)
    }

    /// <summary>Whether a URL's host names this machine or a private address outright (names are checked again when they resolve).</summary>
    public static bool IsPrivateHost(Uri uri)
        => uri.IsLoopback || uri.Host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase) || uri.Host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var literal) && Contains(literal));
}

/// <summary>The endpoint named a host that resolves to a private address; the delivery is refused before connecting.</summary>
public sealed class PrivateAddressException(string host) : Exception($"{host} resolves to a private address; webhooks go to public ones.");
