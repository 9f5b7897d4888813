namespace Wallet.Ledger;

/// <summary>How accounts are spread over the ledger index's shards.</summary>
public static class LedgerIndex
{
    public const int WalletShards = 16;
    public const string ClearingKey = "clearing";

    public static string WalletShardFor(string walletId) => $"wallets:{StableHash.Of(walletId) % WalletShards}";

    public static IEnumerable<string> WalletShardKeys() => Enumerable.Range(0, WalletShards).Select(n => $"wallets:{n}");
}
