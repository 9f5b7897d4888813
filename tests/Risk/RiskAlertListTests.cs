using Wallet.Risk;
using Wallet.Tests.Infrastructure;

namespace Wallet.Tests.Risk;

/// <summary>The operators' list is spread over shards by customer; its pages merge them newest first, each alert once.</summary>
[Collection(ClusterCollection.Name)]
public sealed class RiskAlertListTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Pages_walk_every_shard_newest_first_and_reviewed_alerts_leave_the_open_list()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var at = new DateTimeOffset(2031, 1, 1, 8, 0, 0, TimeSpan.Zero); // after anything else a test records
        var alerts = Enumerable.Range(0, 9).Select(i => new RiskAlert($"rsk_{run}_{i}", $"cus_{run}_{i}", RiskRule.Velocity, "test", Restriction.Alert,
            $"evt_{run}_{i}", at, at.AddMinutes(i < 2 ? 0 : i))).ToList(); // the first two raised at the same instant
        foreach (var alert in alerts)
        {
            await fixture.Grains.Shard(alert.CustomerId).Record([alert]);
        }
        var reviewed = alerts[4].Reviewed("ops_test", at.AddHours(1), "fine");
        await fixture.Grains.Shard(reviewed.CustomerId).Record([reviewed]);

        var all = await Walk(openOnly: false, run);
        var open = await Walk(openOnly: true, run);

        var newestFirst = alerts.Order(RiskAlertLists.Order).Select(a => a.AlertId).ToList();
        Assert.Equal(newestFirst, all);
        Assert.Equal(newestFirst.Where(id => id != reviewed.AlertId), open);
        Assert.Equal(["rsk_" + run + "_1", "rsk_" + run + "_0"], all[^2..]); // same instant: by id, descending
        Assert.Equal("ops_test", (await RiskAlertLists.Find(fixture.Grains, reviewed.AlertId))?.ReviewedBy);
    }

    /// <summary>Every page of three, keeping this run's alerts (other tests may have recorded some of their own).</summary>
    private async Task<List<string>> Walk(bool openOnly, string run)
    {
        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var page = await RiskAlertLists.List(fixture.Grains, openOnly, cursor, 3);
            Assert.True(page.Items.Count <= 3);
            seen.AddRange(page.Items.Where(a => a.AlertId.Contains(run, StringComparison.Ordinal)).Select(a => a.AlertId));
            cursor = page.NextCursor;
        }
        while (cursor is not null);
        Assert.Equal(seen.Count, seen.Distinct().Count());
        return seen;
    }
}
