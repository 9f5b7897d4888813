using Wallet.Notifications;

namespace Wallet.Bills.Analysis;

/// <summary>
/// A customer's month as the read model keeps it: every spending movement counted, by its event's id (so a
/// redelivered event is seen as counted, however late), the owner's own categories by movement, the budget
/// levels already told, and the notices written but not yet in the inbox.
/// </summary>
[GenerateSerializer, Alias("Wallet.SpendingMonthState")]
public sealed class SpendingMonthState
{
    /// <summary>By event id; each with the category its event gave it.</summary>
    [Id(0)] public Dictionary<string, CountedSpending> Counted { get; set; } = [];

    /// <summary>The owner's categories, by movement id: they win over the event's, and may come before it.</summary>
    [Id(1)] public Dictionary<string, SpendingCategory> OwnCategories { get; set; } = [];

    /// <summary>Budget levels told this month (<see cref="BudgetNotices.Mark"/>).</summary>
    [Id(2)] public HashSet<string> Noticed { get; set; } = [];

    /// <summary>Notices decided and stored, not yet posted to the inbox.</summary>
    [Id(3)] public List<Notification> Unposted { get; set; } = [];

    /// <summary>The movement as the month counts it now: in the owner's category where they gave one.</summary>
    public CountedSpending Effective(CountedSpending counted)
        => OwnCategories.TryGetValue(counted.MovementId, out var own) ? counted with { Category = own } : counted;

    public IEnumerable<CountedSpending> All(string currency)
        => Counted.Values.Where(c => c.Currency == currency).Select(Effective);
}
