namespace Wallet.Bills.Analysis;

/// <summary>
/// The customer's questions about their spending, answered from the months' read model: a month against the one
/// before, and the trend of twelve, in one currency (null: the home currency). Holds nothing of its own, so any
/// silo's worker answers any customer.
/// </summary>
[Alias("Wallet.ISpendingAnalysisGrain")]
public interface ISpendingAnalysisGrain : IGrainWithIntegerKey
{
    /// <summary>The month (this month when null) by category and merchant, each beside the month before.</summary>
    [Alias("GetMonth")]
    Task<MonthAnalysis> GetMonth(string customerId, SpendingMonth? month, string? currency);

    /// <summary>The twelve months ending with <paramref name="to"/> (this month when null), oldest first.</summary>
    [Alias("GetTrend")]
    Task<SpendingTrend> GetTrend(string customerId, SpendingMonth? to, string? currency);
}

/// <summary>A month's spending beside the month before's: the change is this month's less the previous one's.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.MonthAnalysis")]
public sealed record MonthAnalysis(
    [property: Id(0)] SpendingMonth Month,
    [property: Id(1)] string Currency,
    [property: Id(2)] long Total,
    [property: Id(3)] long PreviousTotal,
    [property: Id(4)] IReadOnlyList<CategoryAnalysis> Categories,
    [property: Id(5)] IReadOnlyList<TopMerchant> TopMerchants,
    [property: Id(6)] SpendingBudgets Budgets);

/// <summary>One category this month and the month before (either may be 0), with its budget if it has one.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.CategoryAnalysis")]
public sealed record CategoryAnalysis(
    [property: Id(0)] SpendingCategory Category,
    [property: Id(1)] long Amount,
    [property: Id(2)] int Count,
    [property: Id(3)] long PreviousAmount,
    [property: Id(4)] long? Budget);

/// <summary>A merchant the customer spent most with this month, by name.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.TopMerchant")]
public sealed record TopMerchant(
    [property: Id(0)] string MerchantId,
    [property: Id(1)] string Name,
    [property: Id(2)] SpendingCategory Category,
    [property: Id(3)] long Amount,
    [property: Id(4)] int Count);

/// <summary>Twelve months' totals, oldest first.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.SpendingTrend")]
public sealed record SpendingTrend([property: Id(0)] string Currency, [property: Id(1)] IReadOnlyList<MonthTotal> Months);

[GenerateSerializer, Immutable, Alias("Wallet.MonthTotal")]
public sealed record MonthTotal([property: Id(0)] SpendingMonth Month, [property: Id(1)] long Total, [property: Id(2)] IReadOnlyList<SpendingShare> Categories);
