using Wallet.Hosting;

namespace Wallet.Notifications;

/// <summary>A customer's inbox: the latest notifications, newest last in state, newest first on the page.</summary>
public sealed class NotificationInboxGrain([PersistentState("inbox", StorageNames.Wallet)] IPersistentState<NotificationInbox> inbox)
    : Grain, INotificationInboxGrain
{
    private const int Kept = 200;

    public async Task Post(Notification notification)
    {
        var items = inbox.State.Items;
        if (items.Exists(n => n.NotificationId == notification.NotificationId))
        {
            return;
        }
        items.Add(notification);
        if (items.Count > Kept)
        {
            items.RemoveRange(0, items.Count - Kept);
        }
        await inbox.WriteStateAsync();
    }

    /// <summary>The cursor is the last notification's id on the previous page; one no longer kept starts from the top.</summary>
    public Task<NotificationPage> List(string? before, int limit)
    {
        var newestFirst = Enumerable.Reverse(inbox.State.Items).ToList();
        var start = before is null ? 0 : newestFirst.FindIndex(n => n.NotificationId == before) + 1;
        var page = newestFirst.Skip(start).Take(limit).ToList();
        var more = start + page.Count < newestFirst.Count;
        return Task.FromResult(new NotificationPage(page, more && page.Count > 0 ? page[^1].NotificationId : null));
    }
}

[GenerateSerializer, Alias("Wallet.NotificationInbox")]
public sealed class NotificationInbox
{
    [Id(0)] public List<Notification> Items { get; set; } = [];
}
