using Wallet.Hosting;
using Wallet.Limits;

namespace Wallet.Bills.Analysis;

/// <summary>Keeps the budgets; a change is told to the current month, which says at once what spending has already reached.</summary>
public sealed class SpendingBudgetsGrain(
    [PersistentState("budgets", StorageNames.Wallet)] IPersistentState<SpendingBudgetsState> budgets,
    LimitSchedule calendar,
    [FromKeyedServices(WalletClock.Key)] TimeProvider clock)
    : Grain, ISpendingBudgetsGrain
{
    public Task<SpendingBudgets> Get() => Task.FromResult(budgets.State.Budgets ?? new SpendingBudgets(calendar.HomeCurrency, new Dictionary<SpendingCategory, long>()));

    public async Task<SpendingBudgets> Set(string? currency, IReadOnlyDictionary<SpendingCategory, long> amounts)
    {
        if (amounts.Any(a => !SpendingRules.Spent.Contains(a.Key) || !Money.Amounts.IsValidMovement(a.Value)))
        {
            throw new ArgumentException("A budget is a positive amount for a spending category.", nameof(amounts));
        }
        budgets.State.Budgets = new SpendingBudgets(currency ?? calendar.HomeCurrency, new Dictionary<SpendingCategory, long>(amounts));
        await budgets.WriteStateAsync();
        var thisMonth = SpendingMonth.Of(calendar.DayOf(clock.GetUtcNow()));
        await GrainFactory.GetGrain<ISpendingMonthGrain>(thisMonth.KeyFor(this.GetPrimaryKeyString())).BudgetsChanged();
        return budgets.State.Budgets;
    }
}

[GenerateSerializer, Alias("Wallet.SpendingBudgetsState")]
public sealed class SpendingBudgetsState
{
    [Id(0)] public SpendingBudgets? Budgets { get; set; }
}
