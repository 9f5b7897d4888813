namespace Wallet.Hosting;

/// <summary>The grain storage names, shared by the grains, the silo wiring and the tests.</summary>
public static class StorageNames
{
    /// <summary>Customers, wallets, cards, movements: plain and transactional state alike.</summary>
    public const string Wallet = "wallet";
}
