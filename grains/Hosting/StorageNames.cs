namespace Wallet.Hosting;

/// <summary>The grain storage names, shared by the grains, the silo wiring and the tests.</summary>
public static class StorageNames
{
    /// <summary>Customers, wallets, cards, movements: plain and transactional state alike.</summary>
    public const string Wallet = "wallet";

    /// <summary>Who subscribes to which stream; the name is the one Orleans' stream runtime asks for.</summary>
    public const string PubSub = "PubSubStore";

    /// <summary>The stream provider that carries the wallet's events.</summary>
    public const string Events = "events";
}
