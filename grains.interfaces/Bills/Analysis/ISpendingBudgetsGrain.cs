namespace Wallet.Bills.Analysis;

/// <summary>A customer's monthly budgets: an amount per spending category, in one currency, for every month. Keyed by customer id.</summary>
[Alias("Wallet.ISpendingBudgetsGrain")]
public interface ISpendingBudgetsGrain : IGrainWithStringKey
{
    /// <summary>The budgets; none in the home currency until some are set.</summary>
    [Alias("Get"), AlwaysInterleave]
    Task<SpendingBudgets> Get();

    /// <summary>Replaces the budgets (none: no budgets) in <paramref name="currency"/> (null: the home currency); the months check them at the next spending they count.</summary>
    [Alias("Set")]
    Task<SpendingBudgets> Set(string? currency, IReadOnlyDictionary<SpendingCategory, long> amounts);
}

/// <summary>The amount (minor units of <see cref="Currency"/>) a customer means to spend each month in each category they budget.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.SpendingBudgets")]
public sealed record SpendingBudgets(
    [property: Id(0)] string Currency,
    [property: Id(1)] IReadOnlyDictionary<SpendingCategory, long> Amounts);
