namespace Wallet.Bills.Analysis;

/// <summary>A customer's monthly budgets: an amount per spending category, in one currency, for every month. Keyed by customer id.</summary>
[Alias("Wallet.ISpendingBudgetsGrain")]
public interface ISpendingBudgetsGrain : IGrainWithStringKey
{
    [Alias("Get"), AlwaysInterleave]
    Task<SpendingBudgets> Get();

    /// <summary>Replaces the budgets (none: no budgets); the months check them at the next spending they count.</summary>
    [Alias("Set")]
    Task<SpendingBudgets> Set(SpendingBudgets budgets);
}

/// <summary>The amount (minor units of <see cref="Currency"/>) a customer means to spend each month in each category they budget.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.SpendingBudgets")]
public sealed record SpendingBudgets(
    [property: Id(0)] string Currency,
    [property: Id(1)] IReadOnlyDictionary<SpendingCategory, long> Amounts)
{
    public static readonly SpendingBudgets None = new("CNY", new Dictionary<SpendingCategory, long>());
}
