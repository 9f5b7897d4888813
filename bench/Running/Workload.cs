namespace Wallet.Bench.Running;

/// <summary>What the workers do, one operation at a time.</summary>
public enum Workload
{
    /// <summary>Random transfers among all wallets.</summary>
    Spread,

    /// <summary>The first 1,000 wallets (or fewer) all pay the last wallet, a popular merchant.</summary>
    Hot,

    /// <summary>80 % reads of balance and history, 20 % random transfers.</summary>
    Mixed,

    /// <summary>
    /// Searches of one wallet's history of each size in <c>--history</c> (issue 18's figure): grain targets only, not
    /// in the default set.
    /// </summary>
    Search,

    /// <summary>Prepaid-meter top-ups from random wallets to a biller (issue 20's figure): grain targets only, not in the default set.</summary>
    Bills,

    /// <summary>CNY bought into USD (a quote, then the conversion) from random wallets (issue 21's figure): grain targets only, not in the default set.</summary>
    Conversions,

    /// <summary>USD sent abroad from random CNY wallets, the fee with it (issue 21's figure): grain targets only, not in the default set.</summary>
    Remittances,

    /// <summary>Members paying grocers from their sub-wallets, the family's rules in each payment (issue 22's figure): grain targets only, not in the default set.</summary>
    SubWalletPayments,

    /// <summary>Customers buying a money-market fund from their wallets (issue 23's figure): grain targets only, not in the default set.</summary>
    FundPurchases,

    /// <summary>Customers buying a closed-end product with a quota, every purchase drawing on it (issue 23's figure): grain targets only, not in the default set.</summary>
    QuotaPurchases,

    /// <summary>Customers' phones showing payment codes that shops charge, each code written on the payer's list (issue 24's figure): grain targets only, not in the default set.</summary>
    CodePayments,
}

/// <summary>The next operation of a workload over <c>wallets</c> wallets.</summary>
public static class Operations
{
    public const int HotPayers = 1_000;

    public static (bool Read, int From, int To, long Amount) Next(Workload workload, int wallets, Random random)
    {
        var amount = random.Next(1, 100);
        switch (workload)
        {
            case Workload.Search:
                return (true, -1, -1, 0);
            case Workload.Hot:
                return (false, random.Next(Math.Min(HotPayers, wallets - 1)), wallets - 1, amount);
            case Workload.Mixed when random.Next(5) != 0:
                return (true, random.Next(wallets), -1, 0);
            default:
                var from = random.Next(wallets);
                return (false, from, (from + 1 + random.Next(wallets - 1)) % wallets, amount);
        }
    }
}
