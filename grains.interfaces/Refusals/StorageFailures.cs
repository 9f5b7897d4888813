namespace Wallet.Refusals;

/// <summary>
/// Recognises a database outage however it arrives: a driver exception in the chain, a refused
/// socket, Orleans reporting that a storage provider failed (a grain that could not load its state),
/// or a driver exception Orleans had no codec for.
/// </summary>
public static class StorageFailures
{
    public static bool IsStorageFailure(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            var type = exception.GetType();
            if (type.Namespace?.StartsWith("Npgsql", StringComparison.Ordinal) == true
                || type == typeof(System.Net.Sockets.SocketException)
                || exception.Message.Contains("Error from storage provider", StringComparison.Ordinal)
                || (type.Name == "CodecNotFoundException" && exception.Message.Contains("Npgsql", StringComparison.Ordinal)))
            {
                return true;
            }
        }
        return false;
    }
}
