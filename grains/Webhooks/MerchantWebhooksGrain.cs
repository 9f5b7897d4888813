using Microsoft.Extensions.Options;
using Wallet.Hosting;
using Wallet.Merchants;
using Wallet.Refusals;
using Wallet.Storage;

namespace Wallet.Webhooks;

/// <summary>
/// A merchant's webhook outbox. Reentrant, so a slow receiver never holds up the payments that
/// announce events: announcements only queue (one storage write covers all that arrive together),
/// and one delivery pass at a time works through what is due. A timer wakes the next pass; a
/// reminder, registered while anything is queued, wakes the grain again after a restart.
/// </summary>
[Reentrant]
public sealed partial class MerchantWebhooksGrain(
    [PersistentState("webhooks", StorageNames.Wallet)] IPersistentState<WebhooksState> webhooks,
    WebhookSender sender,
    IOptions<WebhookOptions> options,
    TimeProvider time,
    ILogger<MerchantWebhooksGrain> logger)
    : Grain, IMerchantWebhooksGrain, IRemindable
{
    private const string Reminder = "webhooks";
    private const int FinishedKept = 100;
    private readonly CoalescedWrites _writes = new(() => webhooks.WriteStateAsync());
    private IGrainTimer? _timer;
    private bool _delivering;
    private bool _reminderSet;

    private string MerchantId => this.GetPrimaryKeyString();

    private WebhooksState State => webhooks.State;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook {EventId} to merchant {MerchantId} failed after {Attempts} attempts; no more are made")]
    private static partial void LogGivenUp(ILogger logger, string eventId, string merchantId, int attempts);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _reminderSet = State.Outbox.Count > 0; // registered when they were queued
        ScheduleNextPass();
        return Task.CompletedTask;
    }

    public async Task SetEndpoint(string? url)
    {
        if (url is not null && !Wallet.Display.DisplayText.IsSafe(url))
        {
            throw new WalletRefusedException(RefusalCodes.InvalidText, Wallet.Display.DisplayText.Refused);
        }
        if (url is not null && WebhookEndpoints.Problem(url, options.Value.RequireHttps, options.Value.AllowPrivateNetworks) is { } problem)
        {
            throw new WalletRefusedException(RefusalCodes.ValidationFailed, problem);
        }
        State.Url = url;
        if (url is null)
        {
            foreach (var pending in State.Outbox.ToList())
            {
                Finish(pending, pending.Delivery with { Status = WebhookDeliveryStatus.Failed, LastError = "The merchant removed its endpoint.", NextAttemptAt = null });
            }
        }
        await _writes.Save();
    }

    public Task<string?> GetEndpoint() => Task.FromResult(State.Url);

    public async Task Announce(WebhookEvent merchantEvent)
    {
        if (State.Url is null || State.Outbox.Any(p => p.Event.EventId == merchantEvent.EventId) || State.Finished.Any(d => d.EventId == merchantEvent.EventId))
        {
            return;
        }
        State.Outbox.Add(new PendingWebhook(merchantEvent, new WebhookDelivery(
            merchantEvent.EventId, merchantEvent.Type, merchantEvent.CreatedAt, WebhookDeliveryStatus.Pending, 0, null, null, null, time.GetUtcNow())));
        await _writes.Save();
        if (!_reminderSet)
        {
            _reminderSet = true;
            await this.RegisterOrUpdateReminder(Reminder, options.Value.ReminderPeriod, options.Value.ReminderPeriod);
        }
        ScheduleNextPass();
    }

    public Task<IReadOnlyList<WebhookDelivery>> ListDeliveries()
        => Task.FromResult<IReadOnlyList<WebhookDelivery>>([.. State.Outbox.Select(p => p.Delivery).Reverse(), .. Enumerable.Reverse(State.Finished)]);

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (State.Outbox.Count > 0)
        {
            ScheduleNextPass();
        }
        else if (await this.GetReminder(Reminder) is { } reminder)
        {
            _reminderSet = false;
            await this.UnregisterReminder(reminder);
        }
    }

    /// <summary>Sets the timer for the earliest delivery due; a pass under way sets it when it ends.</summary>
    private void ScheduleNextPass()
    {
        if (_delivering || State.Outbox.Count == 0)
        {
            return;
        }
        var wait = State.Outbox.Min(p => p.Delivery.NextAttemptAt!.Value) - time.GetUtcNow();
        var due = wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        if (_timer is null)
        {
            _timer = this.RegisterGrainTimer(DeliverDue, new GrainTimerCreationOptions(due, Timeout.InfiniteTimeSpan) { Interleave = true });
        }
        else
        {
            _timer.Change(due, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>Attempts every delivery that is due, oldest first, until none is.</summary>
    private async Task DeliverDue(CancellationToken cancellationToken)
    {
        if (_delivering)
        {
            return;
        }
        _delivering = true;
        try
        {
            var merchant = GrainFactory.GetGrain<IMerchantGrain>(MerchantId);
            while (State.Url is { } url && State.Outbox.Where(p => p.Delivery.NextAttemptAt <= time.GetUtcNow()).ToList() is { Count: > 0 } due)
            {
                foreach (var pending in due)
                {
                    var attempts = pending.Delivery.Attempts + 1;
                    var outcome = await sender.Send(url, merchant, MerchantId, pending.Event, attempts);
                    var tried = pending.Delivery with { Attempts = attempts, LastAttemptAt = time.GetUtcNow(), LastResponseStatus = outcome.ResponseStatus, LastError = outcome.Error };
                    if (outcome.Accepted)
                    {
                        Finish(pending, tried with { Status = WebhookDeliveryStatus.Delivered, NextAttemptAt = null });
                    }
                    else if (attempts >= options.Value.MaxAttempts)
                    {
                        LogGivenUp(logger, pending.Event.EventId, MerchantId, attempts);
                        Finish(pending, tried with { Status = WebhookDeliveryStatus.Failed, NextAttemptAt = null });
                    }
                    else if (State.Outbox.IndexOf(pending) is var index and >= 0) // (gone if the endpoint was removed meanwhile)
                    {
                        State.Outbox[index] = pending with { Delivery = tried with { NextAttemptAt = time.GetUtcNow() + options.Value.RetryAfter(attempts) } };
                    }
                }
                await _writes.Save();
            }
        }
        finally
        {
            _delivering = false;
            ScheduleNextPass();
        }
    }

    private void Finish(PendingWebhook pending, WebhookDelivery delivery)
    {
        if (!State.Outbox.Remove(pending))
        {
            return;
        }
        State.Finished.Add(delivery);
        if (State.Finished.Count > FinishedKept)
        {
            State.Finished.RemoveAt(0);
        }
    }
}

[GenerateSerializer, Alias("Wallet.WebhooksState")]
public sealed class WebhooksState
{
    [Id(0)] public string? Url { get; set; }

    /// <summary>Events not yet accepted by the receiver, oldest first.</summary>
    [Id(1)] public List<PendingWebhook> Outbox { get; set; } = [];

    /// <summary>Deliveries done (accepted or given up), oldest first; the newest kept, so a repeated announcement is recognised.</summary>
    [Id(2)] public List<WebhookDelivery> Finished { get; set; } = [];
}

[GenerateSerializer, Immutable, Alias("Wallet.PendingWebhook")]
public sealed record PendingWebhook([property: Id(0)] WebhookEvent Event, [property: Id(1)] WebhookDelivery Delivery);
