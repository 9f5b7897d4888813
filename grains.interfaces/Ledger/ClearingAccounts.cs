namespace Wallet.Ledger;

/// <summary>The named clearing accounts and how a movement picks its shard.</summary>
public static class ClearingAccounts
{
    public const string CardTopUp = "card-top-up";
    public const string CardWithdrawal = "card-withdrawal";

    /// <summary>Money on its way to merchants' bank cards, and the bank's settlement fees.</summary>
    public const string MerchantSettlement = "merchant-settlement";
    public const string SettlementFees = "settlement-fees";

    /// <summary>The bank's position in each currency from customers' conversions: what it bought (positive) or sold (negative).</summary>
    public const string FxPosition = "fx-position";

    /// <summary>What the bank owes its correspondent banks abroad for customers' remittances under way, in each currency sent.</summary>
    public const string Correspondent = "correspondent";

    /// <summary>The remittance fees the bank has earned (kept when a remittance is returned).</summary>
    public const string RemittanceFees = "remittance-fees";

    /// <summary>Red packets' money sent and not yet claimed nor returned: what the bank holds for their claimants.</summary>
    public const string RedPackets = "red-packets";

    /// <summary>What the bank owes the holders of one product: what they bought and the yield recorded, until it is paid back.</summary>
    public static string Product(string productId) => $"product-{productId}";

    /// <summary>The yield the bank has paid its products' holders (its cost, negative), recorded day by day as it accrues.</summary>
    public const string ProductYield = "product-yield";

    /// <summary>
    /// The bank's loan book: what it lent to customers (a drawdown takes it below zero by the principal) less the
    /// principal repaid. Its balance is minus the principal outstanding.
    /// </summary>
    public const string Loans = "loans";

    /// <summary>The interest (and late-payment interest) borrowers paid: the bank's income from its loans.</summary>
    public const string LoanInterest = "loan-interest";

    /// <summary>What the bank owes a biller: customers' bill payments waiting to be passed on (one account per biller, sharded like the rest).</summary>
    public static string Biller(string billerId) => $"biller-{billerId}";

    /// <summary>
    /// The security fund (安全保障基金): the bank's money set aside to pay customers' upheld claims for unauthorised payments.
    /// Positive: what it holds. One account per currency (claims are few), so a payment can check it holds enough.
    /// </summary>
    public const string SecurityFund = "security-fund";

    /// <summary>The bank's own capital the security fund is endowed from (negative by what it put in).</summary>
    public const string BankCapital = "bank-capital";

    /// <summary>The one account of <paramref name="purpose"/> in <paramref name="currency"/> (the fund and the capital are not sharded).</summary>
    public static string Single(string purpose, string currency) => $"{purpose}:{currency}:0";

    /// <summary>Enough shards that concurrent top-ups rarely share a lock, few enough to sum quickly.</summary>
    public const int Shards = 8;

    public static string KeyFor(string purpose, string currency, string walletId)
        => $"{purpose}:{currency}:{StableHash.Of(walletId) % Shards}";

    /// <summary>Every shard of one purpose's clearing account in <paramref name="currency"/>: their balances sum to the account's.</summary>
    public static IEnumerable<string> ShardsOf(string purpose, string currency)
        => Enumerable.Range(0, Shards).Select(shard => $"{purpose}:{currency}:{shard}");

    /// <summary>The currency a clearing account's key names.</summary>
    public static string CurrencyOf(string key) => key.Split(':')[1];
}
