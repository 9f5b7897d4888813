using Microsoft.Extensions.Options;
using Orleans.Streams;
using Wallet.Customers;
using Wallet.Events;
using Wallet.Hosting;
using Wallet.Identity;
using Wallet.Notifications;
using Wallet.Risk.Rules;

namespace Wallet.Risk;

/// <summary>
/// Activated by the first event on its customer's stream. An event is counted once: its id is
/// remembered (the newest few hundred — far more than a redelivery can lag) and stored before the
/// delivery is acknowledged, so a republished or redelivered event changes nothing. The rules run on
/// the windows it keeps; an alert is written with the restriction it puts the customer under, and only then
/// handed on (the customer's wallets restricted, the operators' list, the customer's inbox): what is
/// not handed on yet stays in the state and goes after the next event, on activation, or by a retry timer.
/// </summary>
[ImplicitStreamSubscription(WalletEvent.StreamNamespace)]
public sealed partial class RiskMonitorGrain(
    [PersistentState("risk", StorageNames.Wallet)] IPersistentState<RiskState> risk,
    IOptions<RiskOptions> options,
    Money.ReferenceRates rates,
    [FromKeyedServices(WalletClock.Key)] TimeProvider clock,
    ILogger<RiskMonitorGrain> logger)
    : Grain, IRiskMonitorGrain, IAsyncObserver<WalletEvent>
{
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    private IGrainTimer? _retry;

    private string CustomerId => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // In memory the events come on the customer's stream; on PostgreSQL the log's readers call Observe.
        if (ServiceProvider.GetKeyedService<IStreamProvider>(StorageNames.Events) is { } streams)
        {
            await streams.GetStream<WalletEvent>(StreamId.Create(WalletEvent.StreamNamespace, CustomerId)).SubscribeAsync(this);
        }
        await HandOn();
    }

    public Task<RiskSnapshot> GetSnapshot() => Task.FromResult(new RiskSnapshot(risk.State.EventsCounted, [.. risk.State.Latest], [.. risk.State.Signals]));

    public Task<RiskStanding> GetStanding() => Task.FromResult(Standing());

    public Task OnNextAsync(WalletEvent item, StreamSequenceToken? token = null) => Observe([item]);

    /// <summary>Counts each new event in order and runs the rules on it; the state is written once for the batch, before it is acknowledged.</summary>
    public async Task Observe(IReadOnlyList<WalletEvent> events)
    {
        var state = risk.State;
        var counted = false;
        foreach (var item in events)
        {
            if (!state.FirstTime(item.EventId))
            {
                continue;
            }
            counted = true;
            Telemetry.WalletMetrics.EventHandled("risk_monitor", clock.GetUtcNow() - item.OccurredAt);
            var seen = state.Take(item, options.Value.Window, rates);
            if (options.Value.Enabled)
            {
                Raise(seen);
            }
        }
        if (counted)
        {
            try
            {
                await risk.WriteStateAsync();
            }
            catch
            {
                // What was counted in memory is not stored: start again from the stored state, so the
                // events delivered again are counted then.
                DeactivateOnIdle();
                throw;
            }
            await HandOn();
        }
    }

    /// <summary>Runs every rule on the event; each that fires (outside its quiet period) raises an alert and may climb the ladder.</summary>
    private void Raise(Observation seen)
    {
        var state = risk.State;
        foreach (var rule in RiskRuleChecks.All)
        {
            var settings = options.Value.For(rule.Rule);
            if (!settings.Enabled || (state.LastFired.TryGetValue(rule.Rule, out var last) && seen.Event.OccurredAt - last < settings.QuietFor))
            {
                continue;
            }
            if (rule.Check(state, seen, options.Value) is not { } detail)
            {
                continue;
            }
            state.LastFired[rule.Rule] = seen.Event.OccurredAt;
            state.Restriction = Restrictions.Climb(state.Restriction, settings.Action, state.Alerts.Any(a => a.IsOpen));
            var alertId = Ids.ForIdempotencyKey(IdPrefixes.RiskAlert, seen.Event.EventId, rule.Rule.ToString());
            state.Remember(new RiskAlert(alertId, CustomerId, rule.Rule, detail, state.Restriction, seen.Event.EventId, seen.Event.OccurredAt, clock.GetUtcNow()));
            LogAlert(logger, CustomerId, rule.Rule, state.Restriction);
            Telemetry.WalletMetrics.AlertRaised(rule.Rule);
        }
    }

    public async Task NoteHeld(Movements.ReviewableOutcome held)
    {
        if (!risk.State.Held.Exists(m => m.MovementId == held.MovementId))
        {
            risk.State.Held.Add(held);
            await risk.WriteStateAsync();
        }
    }

    public async Task ForgetHeld(string movementId)
    {
        if (risk.State.Held.RemoveAll(m => m.MovementId == movementId) > 0)
        {
            await risk.WriteStateAsync();
        }
    }

    public async Task<RiskAlert?> Review(string alertId, string operatorId, string? note)
    {
        var state = risk.State;
        if (state.Alerts.Find(a => a.AlertId == alertId) is not { } alert)
        {
            return null;
        }
        if (alert.IsOpen)
        {
            state.Remember(alert.Reviewed(operatorId, clock.GetUtcNow(), note));
            await risk.WriteStateAsync();
            await HandOn();
        }
        return state.Alerts.Find(a => a.AlertId == alertId);
    }

    public async Task<RiskStanding> Lift(string operatorId, string? note)
    {
        var state = risk.State;
        var now = clock.GetUtcNow();
        foreach (var open in state.Alerts.Where(a => a.IsOpen).ToList())
        {
            state.Remember(open.Reviewed(operatorId, now, note));
        }
        if (state.Restriction != Restriction.None)
        {
            state.Restriction = Restriction.None;
            state.Lifted = new Notification(Ids.New(IdPrefixes.Notification), "risk_lifted", "Your account is back to normal",
                "Our team has reviewed your account's recent activity and lifted every restriction. Thank you for your patience.", now);
        }
        await risk.WriteStateAsync();
        await HandOn();
        return Standing();
    }

    private RiskStanding Standing()
        => new(CustomerId, risk.State.Restriction, [.. Enumerable.Reverse(risk.State.Alerts)], [.. risk.State.Held]);

    public Task OnCompletedAsync() => Task.CompletedTask;

    public Task OnErrorAsync(Exception ex) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Risk alert for customer {CustomerId}: rule {Rule}, now restricted to {Restriction}")]
    private static partial void LogAlert(ILogger logger, string customerId, RiskRule rule, Restriction restriction);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Risk decisions for customer {CustomerId} were not all handed on; trying again shortly")]
    private static partial void LogHandOnFailed(ILogger logger, string customerId, Exception exception);

    /// <summary>
    /// Hands on what is written but not yet acted on: the customer's restriction first (the wallets restricted
    /// in a transaction: from its commit no payment gets past it), then the alerts to the operators'
    /// list and the new ones to the customer's inbox. Each step is idempotent, so a retry after a
    /// failure part-way repeats nothing visible.
    /// </summary>
    private async Task HandOn()
    {
        var state = risk.State;
        if (state.AppliedRestriction == state.Restriction && state.Undelivered.Count == 0 && state.Lifted is null)
        {
            return;
        }
        try
        {
            if (state.AppliedRestriction != state.Restriction)
            {
                await GrainFactory.GetGrain<ICustomerGrain>(CustomerId).Restrict(state.Restriction);
                state.AppliedRestriction = state.Restriction;
            }
            if (state.Undelivered.Count > 0)
            {
                await GrainFactory.Shard(CustomerId).Record([.. state.Undelivered]);
                var inbox = GrainFactory.GetGrain<INotificationInboxGrain>(CustomerId);
                foreach (var alert in state.Undelivered.Where(a => a.IsOpen))
                {
                    await inbox.Post(RiskNotifications.For(alert));
                }
                state.Undelivered.Clear();
            }
            if (state.Lifted is { } lifted)
            {
                await GrainFactory.GetGrain<INotificationInboxGrain>(CustomerId).Post(lifted);
                state.Lifted = null;
            }
            await risk.WriteStateAsync();
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            LogHandOnFailed(logger, CustomerId, exception);
            _retry?.Dispose();
            _retry = this.RegisterGrainTimer(async () =>
            {
                _retry?.Dispose();
                _retry = null;
                await HandOn();
            }, RetryAfter, Timeout.InfiniteTimeSpan);
        }
    }
}
