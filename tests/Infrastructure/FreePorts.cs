using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Wallet.Tests.Infrastructure;

/// <summary>A loopback port nothing listens on right now: every test host gets its own.</summary>
public static class FreePorts
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static string NextText() => Next().ToString(CultureInfo.InvariantCulture);
}
