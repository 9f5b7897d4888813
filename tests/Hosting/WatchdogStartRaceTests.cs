using System.Diagnostics;
using Serilog;
using Serilog.Core;
using Serilog.Events;
using Wallet.Hosting;
using Wallet.Tests.Infrastructure;

namespace Wallet.Tests.Hosting;

[Collection(ApiCollection.Name)]
public sealed class WatchdogStartRaceTests(ApiFixture api)
{
    private const string Stalled = "Participant check thread has not completed";

    [Fact]
    public void A_stall_longer_than_the_process_has_lived_is_dropped_and_a_real_one_is_kept()
    {
        var sink = new Collected();
        using var logger = new LoggerConfiguration().Filter.DropWatchdogStartRace().WriteTo.Sink(sink).CreateLogger();
        var watchdog = logger.ForContext("SourceContext", "Orleans.Runtime.Watchdog");
        var template = Stalled + " for {TimeSinceLastTick}, potentially indicating lock contention or deadlock";

        // What the start race measures: the time since the monotonic clock's zero.
        watchdog.Warning(template, Stopwatch.GetElapsedTime(0));
        watchdog.Warning(template, TimeSpan.FromMilliseconds(50));
        logger.ForContext("SourceContext", "Some.Other.Component").Warning(template, Stopwatch.GetElapsedTime(0));

        Assert.Equal(2, sink.Events.Count);
        Assert.Equal(TimeSpan.FromMilliseconds(50), ((ScalarValue)sink.Events[0].Properties["TimeSinceLastTick"]).Value);
        Assert.Equal("\"Some.Other.Component\"", sink.Events[1].Properties["SourceContext"].ToString());
    }

    [Fact]
    public void The_embedded_silo_starts_without_a_deadlock_warning()
    {
        _ = api.Server;

        Assert.DoesNotContain(api.Logs.Lines, line => line.Contains(Stalled, StringComparison.Ordinal));
    }

    private sealed class Collected : ILogEventSink
    {
        public List<LogEvent> Events { get; } = [];

        public void Emit(LogEvent logEvent) => Events.Add(logEvent);
    }
}
