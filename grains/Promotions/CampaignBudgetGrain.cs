using Wallet.Hosting;

namespace Wallet.Promotions;

/// <summary>
/// One portion of a campaign's budget. Payments take from it inside their own transaction, so what
/// the portions give never adds up to more than the budget; spreading the budget over portions lets
/// many payments take at once instead of queueing on one lock.
/// </summary>
public sealed class CampaignBudgetGrain(
    [TransactionalState("budget", StorageNames.Wallet)] ITransactionalState<CampaignBudgetState> budget)
    : Grain, ICampaignBudgetGrain
{
    public Task<long> Take(long wanted, long portionBudget, bool partial) => budget.PerformUpdate(b =>
    {
        var left = Math.Max(0, portionBudget - b.Spent);
        var taken = left >= wanted ? wanted : partial ? left : 0;
        b.Spent += taken;
        return taken;
    });

    public Task<long> Spent() => budget.PerformRead(b => b.Spent);
}

[GenerateSerializer, Alias("Wallet.CampaignBudgetState")]
public sealed class CampaignBudgetState
{
    [Id(0)] public long Spent { get; set; }
}

/// <summary>One customer's uses of one campaign, counted in the transactions that give them.</summary>
public sealed class CampaignCustomerGrain(
    [TransactionalState("uses", StorageNames.Wallet)] ITransactionalState<CampaignCustomerState> uses)
    : Grain, ICampaignCustomerGrain
{
    public Task<bool> TryUse(int limit) => uses.PerformUpdate(u =>
    {
        if (u.Uses >= limit)
        {
            return false;
        }
        u.Uses++;
        return true;
    });

    public Task Unuse() => uses.PerformUpdate(u => u.Uses--);
}

[GenerateSerializer, Alias("Wallet.CampaignCustomerState")]
public sealed class CampaignCustomerState
{
    [Id(0)] public int Uses { get; set; }
}
