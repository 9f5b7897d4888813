namespace Wallet.Notifications;

/// <summary>A customer's notification inbox (what the app shows and pushes). Keyed by customer id; posting is by id, so a repeat changes nothing.</summary>
[Alias("Wallet.INotificationInboxGrain")]
public interface INotificationInboxGrain : IGrainWithStringKey
{
    [Alias("Post")]
    Task Post(Notification notification);

    /// <summary>Newest first; <paramref name="before"/> is the cursor of an earlier page.</summary>
    [Alias("List")]
    Task<NotificationPage> List(string? before, int limit);
}

[GenerateSerializer, Immutable, Alias("Wallet.Notification")]
public sealed record Notification(
    [property: Id(0)] string NotificationId,
    [property: Id(1)] string Kind,
    [property: Id(2)] string Title,
    [property: Id(3)] string Body,
    [property: Id(4)] DateTimeOffset CreatedAt,
    [property: Id(5)] string? Reference = null);

[GenerateSerializer, Immutable, Alias("Wallet.NotificationPage")]
public sealed record NotificationPage(
    [property: Id(0)] IReadOnlyList<Notification> Items,
    [property: Id(1)] string? NextCursor);
