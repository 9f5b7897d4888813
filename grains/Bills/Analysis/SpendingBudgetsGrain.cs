using Wallet.Hosting;

namespace Wallet.Bills.Analysis;

public sealed class SpendingBudgetsGrain([PersistentState("budgets", StorageNames.Wallet)] IPersistentState<SpendingBudgetsState> budgets, Money.ReferenceRates rates)
    : Grain, ISpendingBudgetsGrain
{
    public Task<SpendingBudgets> Get() => Task.FromResult(budgets.State.Budgets ?? new SpendingBudgets(rates.HomeCurrency, new Dictionary<SpendingCategory, long>()));

    public async Task<SpendingBudgets> Set(string? currency, IReadOnlyDictionary<SpendingCategory, long> amounts)
    {
        if (amounts.Any(a => !SpendingRules.Spent.Contains(a.Key) || !Money.Amounts.IsValidMovement(a.Value)))
        {
            throw new ArgumentException("A budget is a positive amount for a spending category.", nameof(amounts));
        }
        budgets.State.Budgets = new SpendingBudgets(currency ?? rates.HomeCurrency, new Dictionary<SpendingCategory, long>(amounts));
        await budgets.WriteStateAsync();
        return budgets.State.Budgets;
    }
}

[GenerateSerializer, Alias("Wallet.SpendingBudgetsState")]
public sealed class SpendingBudgetsState
{
    [Id(0)] public SpendingBudgets? Budgets { get; set; }
}
