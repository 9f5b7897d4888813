using Wallet.Bills;
using Wallet.Bills.Analysis;
using Wallet.Events;
using Wallet.Identity;
using Wallet.Notifications;
using Wallet.Tests.Infrastructure;
using Wallet.Wallets;

namespace Wallet.Tests.Bills.Analysis;

/// <summary>
/// The read model on its own, fed events as the stream or the log's readers would: what counts as spending and
/// where, each event once however often it comes, the owner's categories, and the budget notices exactly once.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class SpendingMonthTests(ClusterFixture cluster)
{
    private static readonly SpendingMonth November = new(2026, 11);
    private static readonly DateTimeOffset InNovember = new(2026, 11, 15, 12, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public async Task Payments_and_transfers_out_count_by_category_and_merchant_and_a_refund_takes_back_from_its_category()
    {
        var feed = new Events("cus_" + Guid.NewGuid().ToString("N"));
        var month = Month(feed.CustomerId);
        await month.Observe(
        [
            feed.Paid(3_000, "mch_noodles", SpendingCategory.Dining),
            feed.Paid(2_000, "mch_noodles", SpendingCategory.Dining),
            feed.Paid(4_500, "mch_market", SpendingCategory.Groceries),
            feed.Refunded(1_000, "mch_noodles", SpendingCategory.Dining),
            feed.Sent(2_500, "cus_friend"),
            feed.Sent(9_999, feed.CustomerId), // to the customer's own other wallet: not spending
            feed.Moved(MovementKind.TopUp, EntryDirection.In, 50_000),
            feed.Moved(MovementKind.Withdrawal, EntryDirection.Out, 7_000),
            feed.Moved(MovementKind.Transfer, EntryDirection.In, 1_200, counterpartyId: "cus_friend"),
            feed.Paid(800, "mch_usd", SpendingCategory.Shopping, currency: "USD"),
        ]);

        var spending = await month.GetSpending("CNY");
        Assert.Equal(3_000 + 2_000 + 4_500 - 1_000 + 2_500, spending.Total);
        Assert.Equal(
            new[] { (SpendingCategory.Groceries, 4_500L, 1), (SpendingCategory.Dining, 4_000L, 3), (SpendingCategory.Transfers, 2_500L, 1) },
            spending.Categories.Select(c => (c.Category, c.Amount, c.Count)));
        Assert.Equal(new[] { ("mch_market", 4_500L, 1), ("mch_noodles", 4_000L, 2) }, spending.Merchants.Select(m => (m.MerchantId, m.Amount, m.Count)));
        Assert.Equal(800, (await month.GetSpending("USD")).Total);
    }

    [Fact]
    public async Task A_redelivered_event_is_counted_once()
    {
        var feed = new Events("cus_" + Guid.NewGuid().ToString("N"));
        var month = Month(feed.CustomerId);
        var lunch = feed.Paid(3_000, "mch_noodles", SpendingCategory.Dining);
        var taxi = feed.Paid(1_800, "mch_taxi", SpendingCategory.Transport);
        await month.Observe([lunch]);
        await month.Observe([lunch, taxi]);
        await month.Observe([taxi, lunch, taxi]);
        // Through the customer's feed too, as the stream and the log's readers deliver.
        await cluster.Grains.GetGrain<ISpendingFeedGrain>(feed.CustomerId).Observe([lunch, taxi]);

        var spending = await month.GetSpending("CNY");
        Assert.Equal(4_800, spending.Total);
        Assert.Equal(2, (await month.GetCounted()).Count);
    }

    [Fact]
    public async Task The_owners_category_moves_the_amount_and_taking_it_off_moves_it_back()
    {
        var feed = new Events("cus_" + Guid.NewGuid().ToString("N"));
        var month = Month(feed.CustomerId);
        var lunch = feed.Paid(3_000, "mch_noodles", SpendingCategory.Dining);
        var gift = feed.Sent(5_000, "cus_friend");
        // The owner's category may come before the event it concerns is delivered.
        await month.Recategorise(gift.MovementId, SpendingCategory.Shopping);
        await month.Observe([lunch, gift]);
        Assert.Equal(new[] { (SpendingCategory.Shopping, 5_000L), (SpendingCategory.Dining, 3_000L) }, await Categories(month));

        await month.Recategorise(lunch.MovementId, SpendingCategory.Entertainment);
        await month.Recategorise(lunch.MovementId, SpendingCategory.Entertainment);
        Assert.Equal(new[] { (SpendingCategory.Shopping, 5_000L), (SpendingCategory.Entertainment, 3_000L) }, await Categories(month));

        await month.Recategorise(lunch.MovementId, null);
        await month.Recategorise(gift.MovementId, null);
        await month.Observe([lunch]); // a redelivery after the change changes nothing either
        Assert.Equal(new[] { (SpendingCategory.Transfers, 5_000L), (SpendingCategory.Dining, 3_000L) }, await Categories(month));
        Assert.Equal(8_000, (await month.GetSpending("CNY")).Total);
    }

    [Fact]
    public async Task A_budget_is_told_once_at_80_and_once_at_100_percent_however_many_payments_cross_and_however_often_they_come()
    {
        var feed = new Events("cus_" + Guid.NewGuid().ToString("N"));
        var month = Month(feed.CustomerId);
        await cluster.Grains.GetGrain<ISpendingBudgetsGrain>(feed.CustomerId).Set("CNY",
            new Dictionary<SpendingCategory, long> { [SpendingCategory.Dining] = 10_000, [SpendingCategory.Groceries] = 1_000 });

        var payments = new[] { 5_000L, 2_999, 1, 1_000, 999, 1, 500, 2_000 }.Select(amount => feed.Paid(amount, "mch_noodles", SpendingCategory.Dining)).ToList();
        var seen = new List<int>();
        foreach (var payment in payments)
        {
            await month.Observe([payment]);
            await month.Observe([payment]); // each delivered twice
            seen.Add((await Notices(feed.CustomerId)).Count);
        }
        // 50 %, 79.99 %, 80 % (told), 90 %, 99.99 %, 100 % (told), then more: nothing new.
        Assert.Equal(new[] { 0, 0, 1, 1, 1, 2, 2, 2 }, seen);
        await month.Observe([.. payments]);
        // A single payment past the whole budget says only that it is spent.
        await month.Observe([feed.Paid(2_500, "mch_market", SpendingCategory.Groceries)]);

        var notices = await Notices(feed.CustomerId);
        Assert.Equal(3, notices.Count);
        Assert.Equal(
            new[] { "You have spent your groceries budget for 2026-11", "You have spent your dining budget for 2026-11", "You have used 80 % of your dining budget for 2026-11" },
            notices.Select(n => n.Title));
        Assert.All(notices, n => Assert.Equal("2026-11", n.Reference));

        // The next month starts afresh: its own 80 % is told once more, for that month.
        await cluster.Grains.GetGrain<ISpendingFeedGrain>(feed.CustomerId).Observe(
            [feed.Paid(8_000, "mch_noodles", SpendingCategory.Dining, at: new DateTimeOffset(2026, 12, 2, 12, 0, 0, TimeSpan.FromHours(8)))]);
        var december = await Eventually.Value(() => Notices(feed.CustomerId), n => n.Count == 4, "December's notice");
        Assert.Equal(("You have used 80 % of your dining budget for 2026-12", "2026-12"), (december[0].Title, december[0].Reference));
    }

    [Fact]
    public async Task The_feed_puts_each_movement_in_its_Shanghai_month_and_the_analysis_compares_it_with_the_month_before()
    {
        var feed = new Events("cus_" + Guid.NewGuid().ToString("N"));
        // 23:30 on 31 October in Shanghai is still October, though it is 15:30 UTC; 00:10 on 1 November is November.
        var lastOfOctober = new DateTimeOffset(2026, 10, 31, 23, 30, 0, TimeSpan.FromHours(8));
        var firstOfNovember = new DateTimeOffset(2026, 11, 1, 0, 10, 0, TimeSpan.FromHours(8));
        await cluster.Grains.GetGrain<ISpendingFeedGrain>(feed.CustomerId).Observe(
        [
            feed.Paid(6_000, "mch_noodles", SpendingCategory.Dining, at: lastOfOctober),
            feed.Paid(1_000, "mch_market", SpendingCategory.Groceries, at: lastOfOctober),
            feed.Paid(2_000, "mch_noodles", SpendingCategory.Dining, at: firstOfNovember),
            feed.Sent(3_000, "cus_friend", at: firstOfNovember),
            feed.Paid(4_000, "mch_flight", SpendingCategory.Travel, at: new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8))),
        ]);

        var analysis = await cluster.Grains.GetGrain<ISpendingAnalysisGrain>(0).GetMonth(feed.CustomerId, November, "CNY");
        Assert.Equal((5_000L, 7_000L), (analysis.Total, analysis.PreviousTotal));
        Assert.Equal(
            new[] { (SpendingCategory.Transfers, 3_000L, 0L), (SpendingCategory.Dining, 2_000L, 6_000L), (SpendingCategory.Groceries, 0L, 1_000L) },
            analysis.Categories.Select(c => (c.Category, c.Amount, c.PreviousAmount)));
        Assert.Equal("mch_noodles", Assert.Single(analysis.TopMerchants).MerchantId);

        var trend = await cluster.Grains.GetGrain<ISpendingAnalysisGrain>(0).GetTrend(feed.CustomerId, November, "CNY");
        Assert.Equal(12, trend.Months.Count);
        Assert.Equal((new SpendingMonth(2025, 12), November), (trend.Months[0].Month, trend.Months[^1].Month));
        Assert.Equal(new long[] { 0, 0, 0, 4_000, 0, 0, 0, 0, 0, 0, 7_000, 5_000 }, trend.Months.Select(m => m.Total));
    }

    private ISpendingMonthGrain Month(string customerId) => cluster.Grains.GetGrain<ISpendingMonthGrain>(November.KeyFor(customerId));

    private static async Task<IEnumerable<(SpendingCategory, long)>> Categories(ISpendingMonthGrain month)
        => (await month.GetSpending("CNY")).Categories.Select(c => (c.Category, c.Amount));

    private async Task<List<Notification>> Notices(string customerId)
        => [.. (await cluster.Grains.GetGrain<INotificationInboxGrain>(customerId).List(null, 50)).Items.Where(n => n.Kind == BudgetNotices.Kind)];

    /// <summary>A customer's money events as the movements publish them, each with its own movement and event id.</summary>
    private sealed class Events(string customerId)
    {
        public string CustomerId => customerId;

        public MoneyMoved Paid(long amount, string merchantId, SpendingCategory category, string currency = "CNY", DateTimeOffset? at = null)
            => Moved(MovementKind.Payment, EntryDirection.Out, amount, merchantId: merchantId, category: category, currency: currency, at: at);

        public MoneyMoved Refunded(long amount, string merchantId, SpendingCategory category)
            => Moved(MovementKind.Refund, EntryDirection.In, amount, merchantId: merchantId, category: category);

        public MoneyMoved Sent(long amount, string toCustomerId, DateTimeOffset? at = null)
            => Moved(MovementKind.Transfer, EntryDirection.Out, amount, counterpartyId: toCustomerId, at: at);

        public MoneyMoved Moved(MovementKind kind, EntryDirection direction, long amount, string? merchantId = null, string? counterpartyId = null,
            SpendingCategory? category = null, string currency = "CNY", DateTimeOffset? at = null)
            => new(Ids.New("evt"), customerId, at ?? InNovember, Ids.New("tr"), kind, direction, amount, currency, "wal_" + customerId, "wal_other", counterpartyId, merchantId, category);
    }
}
