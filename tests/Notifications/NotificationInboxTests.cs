using Wallet.Notifications;
using Wallet.Tests.Infrastructure;

namespace Wallet.Tests.Notifications;

/// <summary>A customer's inbox pages newest first, each notification once, however often it was posted.</summary>
[Collection(ClusterCollection.Name)]
public sealed class NotificationInboxTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Pages_go_newest_first_and_a_repeated_post_changes_nothing()
    {
        var inbox = fixture.Grains.GetGrain<INotificationInboxGrain>($"cus_inbox_{Guid.NewGuid():N}");
        var at = DateTimeOffset.UtcNow;
        for (var i = 0; i < 5; i++)
        {
            await inbox.Post(new Notification($"ntf_{i}", "risk_alert", "title", "body", at.AddSeconds(i)));
        }
        await inbox.Post(new Notification("ntf_2", "risk_alert", "posted again", "body", at.AddMinutes(1)));

        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await inbox.List(cursor, 2);
            seen.AddRange(page.Items.Select(n => n.NotificationId));
            cursor = page.NextCursor;
            pages++;
        }
        while (cursor is not null);

        Assert.Equal(["ntf_4", "ntf_3", "ntf_2", "ntf_1", "ntf_0"], seen);
        Assert.Equal(3, pages);
        Assert.Equal("title", (await inbox.List(null, 5)).Items.Single(n => n.NotificationId == "ntf_2").Title);
    }
}
