using Microsoft.Extensions.Options;

namespace Wallet.Events.Log;

/// <summary>
/// Each silo wakes every partition's reader once it is active and every few seconds after: the first
/// wake places a reader, and a reader lost with its silo is placed again on a live one by the next.
/// </summary>
public sealed partial class EventLogReaders(IGrainFactory grains, EventLog log, IOptions<EventOptions> options, ILogger<EventLogReaders> logger)
    : ILifecycleParticipant<ISiloLifecycle>
{
    private readonly CancellationTokenSource _stopping = new();
    private Task _waking = Task.CompletedTask;

    public void Participate(ISiloLifecycle lifecycle)
        => lifecycle.Subscribe(nameof(EventLogReaders), ServiceLifecycleStage.Active, _ =>
        {
            _waking = Task.Run(WakeAll);
            return Task.CompletedTask;
        }, async _ =>
        {
            await _stopping.CancelAsync();
            await _waking;
        });

    private async Task WakeAll()
    {
        using var every = new PeriodicTimer(options.Value.WakeReadersEvery);
        do
        {
            try
            {
                await Task.WhenAll(Enumerable.Range(0, log.Partitions).Select(p => grains.GetGrain<IEventLogReaderGrain>(p).Wake()));
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                LogWakeFailed(logger, exception.GetType().Name);
            }
        }
        while (await Waited(every));
    }

    private async Task<bool> Waited(PeriodicTimer every)
    {
        try
        {
            return await every.WaitForNextTickAsync(_stopping.Token);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Waking the event log's readers failed ({ExceptionType}); the next round tries again")]
    private static partial void LogWakeFailed(ILogger logger, string exceptionType);
}
