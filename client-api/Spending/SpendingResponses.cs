using Wallet.Bills;
using Wallet.Bills.Analysis;

namespace Wallet.ClientApi.Spending;

/// <summary>
/// A month's spending: what a customer paid to merchants and sent to other people, net of refunds, by category and by
/// merchant, each beside the month before. The read model's event ids and per-movement detail are not shown.
/// </summary>
/// <param name="Month">The bank month (Asia/Shanghai calendar), <c>yyyy-MM</c>.</param>
/// <param name="Currency">ISO 4217 code of every amount in the answer; each currency is analysed on its own.</param>
/// <param name="Total">Spent in the month, an integer in minor units of the currency (fen for CNY), refunds taken off.</param>
/// <param name="PreviousTotal">Spent in the month before, an integer in minor units of the currency.</param>
/// <param name="Change">This month's total less the month before's, an integer in minor units of the currency (negative: less was spent).</param>
/// <param name="Categories">Each category spent in this month or the one before, or budgeted, largest first.</param>
/// <param name="TopMerchants">The merchants most was spent with this month, at most five, largest first.</param>
public sealed record SpendingMonthResponse(string Month, string Currency, long Total, long PreviousTotal, long Change,
    IReadOnlyList<CategorySpendingResponse> Categories, IReadOnlyList<MerchantSpendingResponse> TopMerchants)
{
    public static SpendingMonthResponse From(MonthAnalysis month) => new(month.Month.ToString(), month.Currency, month.Total, month.PreviousTotal,
        month.Total - month.PreviousTotal,
        [.. month.Categories.Select(c => new CategorySpendingResponse(c.Category, month.Currency, c.Amount, c.Count, c.PreviousAmount, c.Amount - c.PreviousAmount, c.Budget))],
        [.. month.TopMerchants.Select(m => new MerchantSpendingResponse(m.MerchantId, m.Name, m.Category, month.Currency, m.Amount, m.Count))]);
}

/// <summary>One category's spending this month beside the month before's, and its budget.</summary>
/// <param name="Category">The category (the owner's own where they re-categorised an entry; see the SpendingCategory schema).</param>
/// <param name="Currency">ISO 4217 code of the amounts.</param>
/// <param name="Amount">Spent this month, an integer in minor units of the currency, refunds taken off.</param>
/// <param name="Count">How many movements counted this month (payments, transfers out and refunds).</param>
/// <param name="PreviousAmount">Spent in the month before, an integer in minor units of the currency.</param>
/// <param name="Change">This month's amount less the month before's, an integer in minor units of the currency.</param>
/// <param name="Budget">The customer's monthly budget for the category, an integer in minor units of the currency; null when none is set.</param>
public sealed record CategorySpendingResponse(SpendingCategory Category, string Currency, long Amount, int Count, long PreviousAmount, long Change, long? Budget);

/// <summary>A merchant the customer spent with.</summary>
/// <param name="MerchantId">The merchant's id (<c>mch_…</c>).</param>
/// <param name="Name">The merchant's name as onboarded.</param>
/// <param name="Category">The merchant's category, from its MCC.</param>
/// <param name="Currency">ISO 4217 code of the amount.</param>
/// <param name="Amount">Spent with the merchant this month, an integer in minor units of the currency, refunds taken off.</param>
/// <param name="Count">How many payments to the merchant this month.</param>
public sealed record MerchantSpendingResponse(string MerchantId, string Name, SpendingCategory Category, string Currency, long Amount, int Count);

/// <summary>Twelve months' spending, oldest first, ending with the month asked for.</summary>
/// <param name="Currency">ISO 4217 code of every amount in the answer.</param>
/// <param name="Months">The twelve months, oldest first.</param>
public sealed record SpendingTrendResponse(string Currency, IReadOnlyList<MonthTotalResponse> Months)
{
    public static SpendingTrendResponse From(SpendingTrend trend) => new(trend.Currency,
        [.. trend.Months.Select(m => new MonthTotalResponse(m.Month.ToString(), trend.Currency, m.Total,
            [.. m.Categories.Select(c => new CategoryTotalResponse(c.Category, trend.Currency, c.Amount, c.Count))]))]);
}

/// <summary>One month of a trend.</summary>
/// <param name="Month">The bank month, <c>yyyy-MM</c>.</param>
/// <param name="Currency">ISO 4217 code of the amounts.</param>
/// <param name="Total">Spent in the month, an integer in minor units of the currency, refunds taken off.</param>
/// <param name="Categories">The month's spending by category, largest first.</param>
public sealed record MonthTotalResponse(string Month, string Currency, long Total, IReadOnlyList<CategoryTotalResponse> Categories);

/// <summary>A category's spending in one month.</summary>
/// <param name="Category">The category.</param>
/// <param name="Currency">ISO 4217 code of the amount.</param>
/// <param name="Amount">Spent, an integer in minor units of the currency, refunds taken off.</param>
/// <param name="Count">How many movements counted.</param>
public sealed record CategoryTotalResponse(SpendingCategory Category, string Currency, long Amount, int Count);
