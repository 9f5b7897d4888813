using Wallet.Identity;
using Wallet.Money;
using Wallet.Notifications;

namespace Wallet.Bills.Analysis;

/// <summary>
/// The inbox's word when a month's spending in a category reaches 80 % and then 100 % of its budget: once each per
/// customer, category and month. A payment that leaps past both says only the higher; the notice's id is derived from
/// all three and the level, so posting it again (after a crash, on a redelivery) changes nothing.
/// </summary>
public static class BudgetNotices
{
    public const string Kind = "budget";

    /// <summary>The levels a notice is given at, in percent of the budget, lowest first.</summary>
    public static readonly IReadOnlyList<int> Levels = [80, 100];

    /// <summary>The highest level <paramref name="spent"/> has reached of <paramref name="budget"/>; null below the lowest.</summary>
    public static int? Reached(long spent, long budget)
        => Levels.Where(level => (decimal)spent * 100 >= (decimal)budget * level).Select(level => (int?)level).LastOrDefault();

    /// <summary>The mark a month keeps so that a level is told once.</summary>
    public static string Mark(SpendingCategory category, int level) => $"{category}:{level}";

    public static Notification For(string customerId, SpendingMonth month, SpendingCategory category, int level, long spent, long budget, string currency, DateTimeOffset at)
    {
        var name = Display.EnumNames.Of(category);
        var title = level >= 100 ? $"You have spent your {name} budget for {month}" : $"You have used {level} % of your {name} budget for {month}";
        var body = $"{Amounts.Format(spent, currency)} spent on {name} this month, of a budget of {Amounts.Format(budget, currency)}.";
        return new Notification(Ids.ForIdempotencyKey(IdPrefixes.Notification, customerId, $"budget/{month}/{name}/{level}"), Kind, title, body, at, month.ToString());
    }
}
