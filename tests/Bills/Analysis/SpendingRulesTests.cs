using Wallet.Bills;
using Wallet.Bills.Analysis;
using Wallet.Wallets;

namespace Wallet.Tests.Bills.Analysis;

/// <summary>The analysis' rules on their own: months as written, what an entry adds to spending, and the budget levels at their edges.</summary>
public sealed class SpendingRulesTests
{
    [Theory]
    [InlineData("2026-11", 2026, 11)]
    [InlineData("2000-01", 2000, 1)]
    [InlineData("2026-13", 0, 0)]
    [InlineData("2026-00", 0, 0)]
    [InlineData("2026-1", 0, 0)]
    [InlineData("26-11", 0, 0)]
    [InlineData("1999-12", 0, 0)]
    [InlineData("2026-11-01", 0, 0)]
    [InlineData("november", 0, 0)]
    [InlineData("", 0, 0)]
    public void A_month_is_read_only_as_yyyy_MM(string text, int year, int number)
        => Assert.Equal(year == 0 ? null : new SpendingMonth(year, number), SpendingMonth.Parse(text));

    [Fact]
    public void Months_step_across_years_and_key_their_customer()
    {
        var january = new SpendingMonth(2027, 1);
        Assert.Equal((new SpendingMonth(2026, 12), new SpendingMonth(2027, 2)), (january.Previous, january.Next));
        Assert.Equal("cus_1/2027-01", january.KeyFor("cus_1"));
        Assert.Equal(("cus_1", january), SpendingMonth.FromKey("cus_1/2027-01"));
        Assert.Equal(new[] { "2026-02", "2026-03" }, new SpendingMonth(2026, 3).EndingHere(2).Select(m => m.ToString()));
    }

    [Theory]
    [InlineData(MovementKind.Payment, EntryDirection.Out, "mch_1", 500L)]
    [InlineData(MovementKind.Transfer, EntryDirection.Out, "wal_friend", 500L)]
    [InlineData(MovementKind.Transfer, EntryDirection.Out, "wal_own", null)]
    [InlineData(MovementKind.Refund, EntryDirection.In, "wal_shop", -500L)]
    [InlineData(MovementKind.Transfer, EntryDirection.In, "wal_friend", null)]
    [InlineData(MovementKind.TopUp, EntryDirection.In, "card_1", null)]
    [InlineData(MovementKind.Withdrawal, EntryDirection.Out, "card_1", null)]
    [InlineData(MovementKind.Cashback, EntryDirection.In, "mch_1", null)]
    public void An_entry_adds_to_spending_as_its_event_would(MovementKind kind, EntryDirection direction, string counterparty, long? expected)
    {
        var entry = new WalletEntry(1, "mv_1", kind, direction, 500, "CNY", 0, counterparty, null, DateTimeOffset.UnixEpoch);
        Assert.Equal(expected, SpendingRules.Of(entry, wallet => wallet == "wal_own"));
    }

    [Theory]
    [InlineData(7_999, 10_000, null)]
    [InlineData(8_000, 10_000, 80)]
    [InlineData(9_999, 10_000, 80)]
    [InlineData(10_000, 10_000, 100)]
    [InlineData(25_000, 10_000, 100)]
    [InlineData(-500, 10_000, null)]
    public void A_budget_level_is_reached_at_its_edge(long spent, long budget, int? level)
        => Assert.Equal(level, BudgetNotices.Reached(spent, budget));

    [Fact]
    public void Budgets_are_for_spending_categories_only()
    {
        Assert.Contains(SpendingCategory.Transfers, SpendingRules.Spent);
        Assert.Contains(SpendingCategory.Dining, SpendingRules.Spent);
        Assert.DoesNotContain(SpendingCategory.TopUps, SpendingRules.Spent);
        Assert.DoesNotContain(SpendingCategory.Refunds, SpendingRules.Spent);
    }
}
