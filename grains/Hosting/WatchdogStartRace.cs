using System.Diagnostics;
using Serilog;
using Serilog.Configuration;
using Serilog.Events;

namespace Wallet.Hosting;

/// <summary>
/// Drops the one false alarm Orleans raises as a silo starts. Orleans 10.4's watchdog starts its platform
/// thread before it stamps when the component check last ran, so that thread's first look often measures
/// the "stall" from the clock's zero (minutes: the machine's uptime) and warns of a deadlock at every start.
/// A real stall cannot have lasted longer than the process has lived, so only that impossible reading is
/// dropped; a genuine one is still logged.
/// </summary>
public static class WatchdogStartRace
{
    private const string WatchdogCategory = "Orleans.Runtime.Watchdog";
    private const string StalledFor = "TimeSinceLastTick";

    public static LoggerConfiguration DropWatchdogStartRace(this LoggerFilterConfiguration filter) =>
        filter.ByExcluding(IsStartRace);

    public static bool IsStartRace(LogEvent logEvent) =>
        logEvent.Properties.TryGetValue("SourceContext", out var source)
        && source is ScalarValue { Value: WatchdogCategory }
        && logEvent.Properties.TryGetValue(StalledFor, out var stalled)
        && stalled is ScalarValue { Value: TimeSpan stalledFor }
        && stalledFor > ProcessLifetime();

    private static TimeSpan ProcessLifetime()
    {
        using var process = Process.GetCurrentProcess();
        return DateTime.Now - process.StartTime;
    }
}
