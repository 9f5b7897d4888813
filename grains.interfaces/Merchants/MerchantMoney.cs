namespace Wallet.Merchants;

/// <summary>
/// Merchants are settled in CNY: their settlement wallets, campaigns, refunds and payouts are all in it. One
/// constant, so that what a merchant's answers say their amounts are in and what the grains book agree.
/// </summary>
public static class MerchantMoney
{
    public const string Currency = "CNY";
}
