using System.Net;
using Microsoft.Extensions.Configuration;
using Wallet.Storage;

namespace Wallet.Hosting;

/// <summary>
/// Cluster identity and addresses from configuration (<c>Wallet:Cluster</c>, <c>Wallet:Silo</c>), read
/// once and shared by silos and clients so both sides agree on the cluster they mean.
/// </summary>
public sealed record ClusterSettings(
    string ClusterId,
    string ServiceId,
    int SiloPort,
    int GatewayPort,
    IPAddress AdvertisedAddress,
    bool ListenOnAnyAddress,
    bool Postgres,
    string? ConnectionString)
{
    public static ClusterSettings From(IConfiguration configuration)
    {
        var cluster = configuration.GetSection("Wallet:Cluster");
        var silo = configuration.GetSection("Wallet:Silo");
        var storage = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        return new ClusterSettings(
            cluster["ClusterId"] ?? "wallet",
            cluster["ServiceId"] ?? "wallet-orleans",
            silo.GetValue("SiloPort", 11111),
            silo.GetValue("GatewayPort", 30000),
            AdvertisedAddressOf(silo),
            silo.GetValue("ListenOnAnyAddress", false),
            storage.IsPostgres,
            configuration.GetConnectionString(StorageOptions.ConnectionStringName));
    }

    /// <summary>
    /// The address other silos reach this one at: <c>AdvertisedAddress</c>, or the IPv4 address of
    /// <c>AdvertisedHost</c> (a container's own name), or loopback for one machine.
    /// </summary>
    private static IPAddress AdvertisedAddressOf(IConfiguration silo)
    {
        if (silo["AdvertisedAddress"] is { Length: > 0 } address)
        {
            return IPAddress.Parse(address);
        }
        if (silo["AdvertisedHost"] is { Length: > 0 } host)
        {
            return Dns.GetHostAddresses(host).First(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork);
        }
        return IPAddress.Loopback;
    }
}
