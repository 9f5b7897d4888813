using Wallet.Hosting;
using Wallet.Limits;
using Wallet.Merchants;

namespace Wallet.Bills.Analysis;

/// <summary>Reads the months it needs at once and puts them side by side; the months hold the counts.</summary>
[StatelessWorker]
public sealed class SpendingAnalysisGrain(LimitSchedule calendar, [FromKeyedServices(WalletClock.Key)] TimeProvider clock)
    : Grain, ISpendingAnalysisGrain
{
    /// <summary>The months a trend covers.</summary>
    public const int TrendMonths = 12;

    public async Task<MonthAnalysis> GetMonth(string customerId, SpendingMonth? month, string? currency)
    {
        var asked = month ?? ThisMonth();
        currency ??= calendar.HomeCurrency;
        // All three asked at once, then awaited.
        var reading = Month(customerId, asked).GetSpending(currency);
        var readingPrevious = Month(customerId, asked.Previous).GetSpending(currency);
        var readingBudgets = GrainFactory.GetGrain<ISpendingBudgetsGrain>(customerId).Get();
        var (spending, previous, budgeted) = (await reading, await readingPrevious, await readingBudgets);
        var budgetsHere = budgeted.Currency == currency ? budgeted.Amounts : new Dictionary<SpendingCategory, long>();
        var thisMonth = spending.Categories.ToDictionary(c => c.Category);
        var before = previous.Categories.ToDictionary(c => c.Category, c => c.Amount);
        var categories = thisMonth.Keys.Union(before.Keys).Union(budgetsHere.Keys)
            .Select(category => new CategoryAnalysis(category, thisMonth.GetValueOrDefault(category)?.Amount ?? 0, thisMonth.GetValueOrDefault(category)?.Count ?? 0,
                before.GetValueOrDefault(category), budgetsHere.TryGetValue(category, out var budget) ? budget : null))
            .OrderByDescending(c => c.Amount).ThenByDescending(c => c.PreviousAmount).ThenBy(c => c.Category).ToList();
        var merchants = await Task.WhenAll(spending.Merchants.Select(Named));
        return new MonthAnalysis(asked, currency, spending.Total, previous.Total, categories, merchants, budgeted);
    }

    public async Task<SpendingTrend> GetTrend(string customerId, SpendingMonth? to, string? currency)
    {
        currency ??= calendar.HomeCurrency;
        var months = await Task.WhenAll((to ?? ThisMonth()).EndingHere(TrendMonths).Select(m => Month(customerId, m).GetSpending(currency)));
        return new SpendingTrend(currency, [.. months.Select(m => new MonthTotal(m.Month, m.Total, m.Categories))]);
    }

    private SpendingMonth ThisMonth() => SpendingMonth.Of(calendar.DayOf(clock.GetUtcNow()));

    private ISpendingMonthGrain Month(string customerId, SpendingMonth month) => GrainFactory.GetGrain<ISpendingMonthGrain>(month.KeyFor(customerId));

    private async Task<TopMerchant> Named(MerchantSpending spent)
    {
        var facts = await GrainFactory.GetGrain<IMerchantGrain>(spent.MerchantId).GetFacts();
        return new TopMerchant(spent.MerchantId, facts?.Name ?? spent.MerchantId, SpendingCategories.ForMerchant(facts?.Category), spent.Amount, spent.Count);
    }
}
