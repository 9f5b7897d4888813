using Microsoft.Extensions.Options;
using Wallet.Bills.Analysis;
using Wallet.Risk;

namespace Wallet.Events.Log;

/// <summary>
/// Reads its partition of the log on a timer that keeps it active: each batch is grouped by customer
/// and handed to the customers' risk monitors and spending analyses at once (each counts its events and
/// writes its state once per batch), then the position is stored. A crash before the store delivers the
/// batch again; both count an event once by its id, so nothing is lost or counted twice. A batch that
/// fails is tried again on the next tick, so the partition waits rather than skip an event.
/// </summary>
public sealed partial class EventLogReaderGrain(EventLog log, IOptions<EventOptions> options, TimeProvider time, ILogger<EventLogReaderGrain> logger)
    : Grain, IEventLogReaderGrain
{
    private static readonly TimeSpan TrimEvery = TimeSpan.FromMinutes(1);
    private LogPosition _at;
    private long _delivered;
    private long _batches;
    private DateTimeOffset _trimmed;
    private int _failures;

    private int Partition => (int)this.GetPrimaryKeyLong();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _at = await log.Position(Partition, cancellationToken);
        _trimmed = time.GetUtcNow();
        this.RegisterGrainTimer(Read, new GrainTimerCreationOptions(TimeSpan.Zero, options.Value.LogPollEvery) { KeepAlive = true });
    }

    public Task<EventLogReaderStatus> Wake() => Task.FromResult(new EventLogReaderStatus(_delivered, _batches));

    private async Task Read(CancellationToken cancellationToken)
    {
        try
        {
            int read;
            do
            {
                var batch = await log.Read(Partition, _at, options.Value.LogReadBatch, cancellationToken);
                read = batch.Count;
                if (read == 0)
                {
                    break;
                }
                await Deliver(batch);
                await log.Save(Partition, batch[^1].At, cancellationToken);
                _at = batch[^1].At;
                _delivered += read;
                _batches++;
            }
            while (read == options.Value.LogReadBatch && !cancellationToken.IsCancellationRequested);
            _failures = 0;
            if (time.GetUtcNow() - _trimmed > TrimEvery)
            {
                _trimmed = time.GetUtcNow();
                await log.Trim(Partition, _at, cancellationToken);
            }
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            if (_failures++ % 100 == 0) // once, then every hundredth tick while it lasts (a database outage)
            {
                LogReadFailed(logger, Partition, _failures, exception);
            }
        }
    }

    /// <summary>Each customer's events in log order, to their risk monitor and their spending analysis; the customers in parallel.</summary>
    private Task Deliver(IReadOnlyList<LoggedEvent> batch)
        => Task.WhenAll(batch.GroupBy(e => e.Event.CustomerId, StringComparer.Ordinal).SelectMany(customer =>
        {
            IReadOnlyList<WalletEvent> events = [.. customer.Select(e => e.Event)];
            var risk = GrainFactory.GetGrain<IRiskMonitorGrain>(customer.Key).Observe(events);
            // The analysis is asked only about what may count: most customers' batches (money received) spare the call.
            return events.Any(SpendingRules.MayCount) ? [risk, GrainFactory.GetGrain<ISpendingFeedGrain>(customer.Key).Observe(events)] : new[] { risk };
        }));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Event log partition {Partition} could not be read or delivered ({Failures} times in a row); it tries again")]
    private static partial void LogReadFailed(ILogger logger, int partition, int failures, Exception exception);
}
