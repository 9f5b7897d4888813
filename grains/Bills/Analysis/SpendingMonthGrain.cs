using Wallet.Events;
using Wallet.Hosting;
using Wallet.Notifications;

namespace Wallet.Bills.Analysis;

/// <summary>
/// A customer's month of spending. The state is written once per batch, before the batch is acknowledged, with the
/// budget notices it decided: a crash before the write has the batch delivered again and counted then; a crash after
/// it, or an inbox that did not answer, has the notices posted by a retry timer, the next change or the next activation
/// (the inbox takes a notice once, by its id).
/// </summary>
public sealed partial class SpendingMonthGrain(
    [PersistentState("spending", StorageNames.Wallet)] IPersistentState<SpendingMonthState> month,
    [FromKeyedServices(WalletClock.Key)] TimeProvider clock,
    ILogger<SpendingMonthGrain> logger)
    : Grain, ISpendingMonthGrain
{
    /// <summary>The merchants a month answers with: the top few are what people read.</summary>
    private const int MerchantsKept = 5;

    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    private IGrainTimer? _retry;

    /// <summary>
    /// The customer's budgets, read once while the month is active rather than once per payment; setting them tells
    /// the current month (<see cref="BudgetsChanged"/>), which reads them again.
    /// </summary>
    private SpendingBudgets? _budgets;

    private (string CustomerId, SpendingMonth Month) Key => SpendingMonth.FromKey(this.GetPrimaryKeyString());

    public override Task OnActivateAsync(CancellationToken cancellationToken) => PostNotices();

    public async Task Observe(IReadOnlyList<MoneyMoved> events)
    {
        var state = month.State;
        var counted = false;
        foreach (var moved in events)
        {
            if (state.Counted.ContainsKey(moved.EventId) || SpendingRules.Of(moved) is not { } spending)
            {
                continue;
            }
            state.Counted[moved.EventId] = new CountedSpending(moved.EventId, moved.MovementId, moved.Kind, moved.WalletId, spending.Amount,
                moved.Currency, spending.Category, moved.MerchantId, moved.OccurredAt);
            counted = true;
        }
        if (counted)
        {
            await Changed();
        }
    }

    public async Task Recategorise(string movementId, SpendingCategory? category)
    {
        var own = month.State.OwnCategories;
        var unchanged = category is { } given ? own.TryGetValue(movementId, out var was) && was == given : !own.ContainsKey(movementId);
        if (unchanged)
        {
            return;
        }
        if (category is { } set)
        {
            own[movementId] = set;
        }
        else
        {
            own.Remove(movementId);
        }
        await Changed();
    }

    public Task BudgetsChanged()
    {
        _budgets = null;
        return Changed();
    }

    public Task<MonthSpending> GetSpending(string currency)
    {
        var counted = month.State.All(currency).ToList();
        var categories = counted.GroupBy(c => c.Category)
            .Select(g => new SpendingShare(g.Key, g.Sum(c => c.Amount), g.Count()))
            .OrderByDescending(s => s.Amount).ThenBy(s => s.Category).ToList();
        var merchants = counted.Where(c => c.MerchantId is not null).GroupBy(c => c.MerchantId!, StringComparer.Ordinal)
            .Select(g => new MerchantSpending(g.Key, g.Sum(c => c.Amount), g.Count(c => c.Amount > 0)))
            .Where(m => m.Amount > 0)
            .OrderByDescending(m => m.Amount).ThenBy(m => m.MerchantId, StringComparer.Ordinal).Take(MerchantsKept).ToList();
        return Task.FromResult(new MonthSpending(Key.Month, currency, counted.Sum(c => c.Amount), categories, merchants));
    }

    public Task<IReadOnlyList<CountedSpending>> GetCounted()
        => Task.FromResult<IReadOnlyList<CountedSpending>>([.. month.State.Counted.Values.Select(month.State.Effective)]);

    /// <summary>Decides the budget notices the change calls for, writes it all down, then posts them.</summary>
    private async Task Changed()
    {
        try
        {
            await DecideNotices();
            await month.WriteStateAsync();
        }
        catch
        {
            // What changed in memory is not stored (the budgets unreadable, the write refused): start again from the
            // stored state, so the events delivered again are counted then, rather than taken as counted already.
            DeactivateOnIdle();
            throw;
        }
        await PostNotices();
    }

    /// <summary>Each budgeted category whose spending reached a level not yet told: a notice of the highest level reached.</summary>
    private async Task DecideNotices()
    {
        var (customerId, thisMonth) = Key;
        var budgets = _budgets ??= await GrainFactory.GetGrain<ISpendingBudgetsGrain>(customerId).Get();
        var state = month.State;
        var spent = state.All(budgets.Currency).GroupBy(c => c.Category).ToDictionary(g => g.Key, g => g.Sum(c => c.Amount));
        foreach (var (category, budget) in budgets.Amounts)
        {
            var amount = spent.GetValueOrDefault(category);
            if (BudgetNotices.Reached(amount, budget) is not { } level || state.Noticed.Contains(BudgetNotices.Mark(category, level)))
            {
                continue;
            }
            foreach (var reached in BudgetNotices.Levels.Where(l => l <= level))
            {
                state.Noticed.Add(BudgetNotices.Mark(category, reached));
            }
            state.Unposted.Add(BudgetNotices.For(customerId, thisMonth, category, level, amount, budget, budgets.Currency, clock.GetUtcNow()));
        }
    }

    /// <summary>Posts what is written down; after a failure a timer tries again (and the next change, or the next activation).</summary>
    private async Task PostNotices()
    {
        var state = month.State;
        if (state.Unposted.Count == 0)
        {
            return;
        }
        try
        {
            var inbox = GrainFactory.GetGrain<INotificationInboxGrain>(Key.CustomerId);
            foreach (var notice in state.Unposted)
            {
                await inbox.Post(notice);
            }
            state.Unposted.Clear();
            await month.WriteStateAsync();
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            LogPostFailed(logger, this.GetPrimaryKeyString(), exception);
            _retry?.Dispose();
            _retry = this.RegisterGrainTimer(async () =>
            {
                _retry?.Dispose();
                _retry = null;
                await PostNotices();
            }, RetryAfter, Timeout.InfiniteTimeSpan);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Budget notices of {Month} were not all posted; trying again shortly")]
    private static partial void LogPostFailed(ILogger logger, string month, Exception exception);
}
