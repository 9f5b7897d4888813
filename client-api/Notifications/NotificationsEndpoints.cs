using System.Security.Claims;
using Wallet.ClientApi.Http;
using Wallet.ClientApi.Wallets;
using Wallet.Notifications;

namespace Wallet.ClientApi.Notifications;

/// <summary>The customer's inbox: what the bank told them (risk alerts, a lifted restriction), newest first.</summary>
public static class NotificationsEndpoints
{
    public static IEndpointRouteBuilder MapNotifications(this IEndpointRouteBuilder routes)
    {
        routes.MapGroup("/v1/me").WithTags("Customers and sessions").RequireAuthorization()
            .MapGet("/notifications", List).WithName("ListNotifications");
        return routes;
    }

    public static async Task<Results<Ok<Page<NotificationResponse>>, ValidationProblem>> List(ClaimsPrincipal user, IGrainFactory grains, [AsParameters] PageRequest page)
    {
        if (new FieldErrors().TextPage(page, out var pageSize, out var before).Problem is { } invalid)
        {
            return invalid;
        }
        var inbox = await grains.GetGrain<INotificationInboxGrain>(user.CustomerId()).List(before, pageSize);
        return TypedResults.Ok(new Page<NotificationResponse>(
            [.. inbox.Items.Select(n => new NotificationResponse(n.NotificationId, n.Kind, n.Title, n.Body, n.CreatedAt, n.Reference))],
            inbox.NextCursor is { } next ? Paging.TextCursor(next) : null));
    }
}

/// <summary>A message in the customer's inbox.</summary>
/// <param name="NotificationId">The notification's id (<c>ntf_…</c>).</param>
/// <param name="Kind">What it is about, such as <c>payment_to_confirm</c>, <c>movement_reviewed</c> or <c>risk_lifted</c>.</param>
/// <param name="Title">A one-line title.</param>
/// <param name="Body">The message.</param>
/// <param name="CreatedAt">When it was posted, UTC, ISO 8601.</param>
/// <param name="Reference">The id of what it is about (a payment's or movement's), or null.</param>
public sealed record NotificationResponse(string NotificationId, string Kind, string Title, string Body, DateTimeOffset CreatedAt, string? Reference);
