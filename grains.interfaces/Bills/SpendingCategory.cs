using Wallet.Wallets;

namespace Wallet.Bills;

/// <summary>
/// Where money went or came from, as a person reads their bills: a merchant payment by what the merchant sells (its
/// MCC), everything else by what moved it. Written snake_case in the API: <c>dining</c>, <c>groceries</c>,
/// <c>transport</c>, <c>shopping</c>, <c>utilities</c>, <c>entertainment</c>, <c>health</c>, <c>education</c>,
/// <c>travel</c>, <c>other</c>, <c>transfers</c>, <c>top_ups</c>, <c>withdrawals</c>, <c>refunds</c>, <c>cashback</c>,
/// <c>fees</c>, <c>settlements</c>, <c>conversions</c>, <c>remittances</c>, <c>red_packets</c>, <c>investments</c>, <c>loans</c>.
/// </summary>
public enum SpendingCategory
{
    Other = 0,
    Dining = 1,
    Groceries = 2,
    Transport = 3,
    Shopping = 4,
    Utilities = 5,
    Entertainment = 6,
    Health = 7,
    Education = 8,
    Travel = 9,
    Transfers = 10,
    TopUps = 11,
    Withdrawals = 12,
    Refunds = 13,
    Cashback = 14,
    Fees = 15,
    Settlements = 16,
    Conversions = 17,
    Remittances = 18,

    /// <summary>Red packets sent, claimed, and the unclaimed rest back (红包).</summary>
    RedPackets = 19,

    /// <summary>The bank's products bought, redeemed and paid at maturity (理财): the customer's own money, never spending.</summary>
    Investments = 20,

    /// <summary>A consumer loan's money: paid into the wallet, and repaid from it (贷款).</summary>
    Loans = 21,

    /// <summary>The security fund's payments of upheld claims (安全保障基金赔付): money given back, never spending.</summary>
    Compensation = 22,
}

/// <summary>How an entry gets its category.</summary>
public static class SpendingCategories
{
    /// <summary>The categories a merchant payment can take (what the analysis calls spending).</summary>
    public static readonly IReadOnlySet<SpendingCategory> Merchant = new HashSet<SpendingCategory>
    {
        SpendingCategory.Dining, SpendingCategory.Groceries, SpendingCategory.Transport, SpendingCategory.Shopping,
        SpendingCategory.Utilities, SpendingCategory.Entertainment, SpendingCategory.Health, SpendingCategory.Education,
        SpendingCategory.Travel, SpendingCategory.Other,
    };

    /// <summary>A movement's category when nothing more is known than its kind (a merchant payment without an MCC is "other").</summary>
    public static SpendingCategory ForKind(MovementKind kind) => kind switch
    {
        MovementKind.Transfer => SpendingCategory.Transfers,
        MovementKind.TopUp => SpendingCategory.TopUps,
        MovementKind.Withdrawal => SpendingCategory.Withdrawals,
        MovementKind.Refund => SpendingCategory.Refunds,
        MovementKind.Settlement => SpendingCategory.Settlements,
        MovementKind.Cashback => SpendingCategory.Cashback,
        MovementKind.BillPayment => SpendingCategory.Utilities,
        MovementKind.Conversion => SpendingCategory.Conversions,
        MovementKind.Remittance => SpendingCategory.Remittances,
        MovementKind.FamilyTopUp or MovementKind.FamilyTakeBack => SpendingCategory.Transfers,
        MovementKind.RedPacket => SpendingCategory.RedPackets,
        MovementKind.Investment => SpendingCategory.Investments,
        MovementKind.LoanDrawdown or MovementKind.LoanRepayment => SpendingCategory.Loans,
        MovementKind.Compensation => SpendingCategory.Compensation,
        _ => SpendingCategory.Other,
    };

    /// <summary>
    /// A merchant category code (ISO 18245) in the dozen categories a person understands. Airlines, car rental and
    /// hotels (3000–3999, 4511, 7011, 7512) and rail and travel agencies are travel; a city's buses, taxis, fuel and
    /// parking are transport; anything unlisted is other.
    /// </summary>
    public static SpendingCategory ForMerchant(string? mcc)
    {
        if (mcc is not { Length: 4 } || !int.TryParse(mcc, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var code))
        {
            return SpendingCategory.Other;
        }
        return code switch
        {
            >= 3000 and <= 3999 or 4112 or 4411 or 4511 or 4722 or 7011 or 7012 or 7512 or 7513 => SpendingCategory.Travel,
            5811 or 5812 or 5813 or 5814 => SpendingCategory.Dining,
            5411 or 5422 or 5441 or 5451 or 5462 or 5499 or 5300 => SpendingCategory.Groceries,
            4111 or 4121 or 4131 or 4784 or 4789 or 5541 or 5542 or 7523 => SpendingCategory.Transport,
            4814 or 4816 or 4899 or 4900 => SpendingCategory.Utilities,
            5815 or 5816 or 5817 or 5818 or 7832 or 7841 or 7922 or 7929 or 7932 or 7933 or 7941 or (>= 7991 and <= 7999) => SpendingCategory.Entertainment,
            5122 or 5912 or 5975 or 5976 or 8011 or 8021 or 8031 or 8041 or 8042 or 8043 or 8049 or 8050 or 8062 or 8071 or 8099 => SpendingCategory.Health,
            8211 or 8220 or 8241 or 8244 or 8249 or 8299 or 8351 => SpendingCategory.Education,
            >= 5000 and <= 5999 => SpendingCategory.Shopping,
            _ => SpendingCategory.Other,
        };
    }

    /// <summary>The entry's category: the one its movement gave it, or its kind's for entries booked before categories were kept.</summary>
    /// <summary>The category's name in Chinese, as the bank's documents and charts print it beside the English.</summary>
    public static string Chinese(SpendingCategory category) => category switch
    {
        SpendingCategory.Dining => "餐饮",
        SpendingCategory.Groceries => "超市",
        SpendingCategory.Transport => "交通",
        SpendingCategory.Shopping => "购物",
        SpendingCategory.Utilities => "生活缴费",
        SpendingCategory.Entertainment => "娱乐",
        SpendingCategory.Health => "医疗",
        SpendingCategory.Education => "教育",
        SpendingCategory.Travel => "旅行",
        SpendingCategory.Other => "其他",
        SpendingCategory.Transfers => "转账",
        SpendingCategory.TopUps => "充值",
        SpendingCategory.Withdrawals => "提现",
        SpendingCategory.Refunds => "退款",
        SpendingCategory.Cashback => "返现",
        SpendingCategory.Fees => "手续费",
        SpendingCategory.Settlements => "结算",
        SpendingCategory.Conversions => "换汇",
        SpendingCategory.Remittances => "跨境汇款",
        SpendingCategory.RedPackets => "红包",
        SpendingCategory.Investments => "理财",
        SpendingCategory.Loans => "贷款",
        SpendingCategory.Compensation => "赔付",
    };

    public static SpendingCategory Of(WalletEntry entry) => entry.Category ?? ForKind(entry.Kind);
}
