using Wallet.Hosting;

namespace Wallet.Bills.Analysis;

public sealed class SpendingBudgetsGrain([PersistentState("budgets", StorageNames.Wallet)] IPersistentState<SpendingBudgetsState> budgets)
    : Grain, ISpendingBudgetsGrain
{
    public Task<SpendingBudgets> Get() => Task.FromResult(budgets.State.Budgets ?? SpendingBudgets.None);

    public async Task<SpendingBudgets> Set(SpendingBudgets given)
    {
        budgets.State.Budgets = given;
        await budgets.WriteStateAsync();
        return given;
    }
}

[GenerateSerializer, Alias("Wallet.SpendingBudgetsState")]
public sealed class SpendingBudgetsState
{
    [Id(0)] public SpendingBudgets? Budgets { get; set; }
}
