using System.Net;
using System.Net.Sockets;

namespace Wallet.Hosting;

/// <summary>
/// Orleans does not fail when a silo's port is taken: two silos on one machine with the same ports
/// start "fine" and then misdeliver each other's messages. So a silo checks its ports before it starts
/// and refuses, naming the port and the setting.
/// </summary>
public static class SiloPorts
{
    public static void RequireFree(IPAddress address, int port, string setting)
    {
        try
        {
            using var probe = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            probe.Bind(new IPEndPoint(address, port));
            probe.Listen();
        }
        catch (SocketException taken) when (taken.SocketErrorCode is SocketError.AddressAlreadyInUse or SocketError.AccessDenied)
        {
            throw new SiloPortTakenException(
                $"{setting}={port} cannot be used: port {port} on {address} is already in use (another wallet process on this machine?). " +
                $"Stop it, or set {setting} to a free port (in the API's embedded mode, leave it unset and a free port is picked).");
        }
    }
}

/// <summary>A silo's configured port is taken: the operator's to fix, said without a stack trace.</summary>
public sealed class SiloPortTakenException(string message) : InvalidOperationException(message);
