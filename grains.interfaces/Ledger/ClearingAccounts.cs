namespace Wallet.Ledger;

/// <summary>The named clearing accounts and how a movement picks its shard.</summary>
public static class ClearingAccounts
{
    public const string CardTopUp = "card-top-up";
    public const string CardWithdrawal = "card-withdrawal";

    /// <summary>Money on its way to merchants' bank cards, and the bank's settlement fees.</summary>
    public const string MerchantSettlement = "merchant-settlement";
    public const string SettlementFees = "settlement-fees";

    /// <summary>Enough shards that concurrent top-ups rarely share a lock, few enough to sum quickly.</summary>
    public const int Shards = 8;

    public static string KeyFor(string purpose, string currency, string walletId)
        => $"{purpose}:{currency}:{StableHash.Of(walletId) % Shards}";

    /// <summary>The currency a clearing account's key names.</summary>
    public static string CurrencyOf(string key) => key.Split(':')[1];
}
