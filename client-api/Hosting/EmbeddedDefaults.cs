using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Wallet.Simulators;

namespace Wallet.ClientApi.Hosting;

/// <summary>
/// What the embedded mode assumes when it is not told otherwise: the simulators on (it is the sandbox),
/// and silo ports of its own. Two embedded wallets on one machine must not share the fixed ports a
/// silo process uses: Orleans does not fail on a taken port, and the two would talk to each other.
/// </summary>
public static class EmbeddedDefaults
{
    public static void Apply(IConfigurationManager configuration)
    {
        var defaults = new Dictionary<string, string?>();
        if (string.IsNullOrEmpty(configuration[$"{SimulatorOptions.Section}:Enabled"]))
        {
            defaults[$"{SimulatorOptions.Section}:Enabled"] = "true";
        }
        foreach (var port in new[] { "Wallet:Silo:SiloPort", "Wallet:Silo:GatewayPort" })
        {
            if (string.IsNullOrEmpty(configuration[port]))
            {
                defaults[port] = FreeLoopbackPort().ToString(CultureInfo.InvariantCulture);
            }
        }
        // The sandbox serves its metrics where the README looks for them, if nothing else has that port (a second
        // embedded wallet on the machine then has none unless told where): never on the public port.
        if (string.IsNullOrEmpty(configuration[$"{Telemetry.TelemetryOptions.Section}:MetricsUrl"]) && IsFree(MetricsPort))
        {
            defaults[$"{Telemetry.TelemetryOptions.Section}:MetricsUrl"] = $"http://127.0.0.1:{MetricsPort}";
        }
        if (defaults.Count > 0)
        {
            configuration.AddInMemoryCollection(defaults);
        }
    }

    public const int MetricsPort = 9464;

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>A port the system has just handed out and nothing listens on; the silo binds it moments later.</summary>
    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
