using System.Collections.Concurrent;
using Serilog.Core;
using Serilog.Events;
using Wallet.Refusals;

namespace Wallet.Storage;

/// <summary>
/// A database outage fails every grain write, every reminder poll and every stream pull: thousands of
/// identical stack traces a minute per silo, burying whatever else the log says. This filter lets one
/// event per kind of storage failure (where it was logged, what it says, which exception) through per
/// interval, and gives the next one a count of those it held back (<c>{Suppressed}</c> in the output).
/// </summary>
public sealed class StorageFailureLogThrottle(TimeProvider clock, TimeSpan interval) : ILogEventFilter
{
    public const string SuppressedProperty = "Suppressed";
    private readonly ConcurrentDictionary<string, Window> _windows = new();

    public StorageFailureLogThrottle() : this(TimeProvider.System, TimeSpan.FromSeconds(10))
    {
    }

    public bool IsEnabled(LogEvent logEvent)
    {
        if (KindOf(logEvent) is not { } kind)
        {
            return true;
        }
        var now = clock.GetUtcNow();
        var window = _windows.GetOrAdd(kind, _ => new Window());
        lock (window)
        {
            if (now < window.Until)
            {
                window.Suppressed++;
                return false;
            }
            window.Until = now + interval;
            if (window.Suppressed > 0)
            {
                logEvent.AddOrUpdateProperty(new LogEventProperty(SuppressedProperty,
                    new ScalarValue($" (and {window.Suppressed} more like it in the last {interval.TotalSeconds:0} s)")));
                window.Suppressed = 0;
            }
            return true;
        }
    }

    /// <summary>A storage failure's kind, or null for any other event (never held back).</summary>
    private static string? KindOf(LogEvent logEvent)
    {
        var source = logEvent.Properties.TryGetValue(Constants.SourceContextPropertyName, out var context) ? context.ToString() : "";
        if (StorageFailures.IsStorageFailure(logEvent.Exception))
        {
            return $"{source}|{logEvent.MessageTemplate.Text}|{Innermost(logEvent.Exception!).GetType().FullName}";
        }
        // The call filter's own line per failed grain call carries the exception's name, not the exception.
        return source.Contains(nameof(StorageFailureFilter), StringComparison.Ordinal) ? $"{source}|{logEvent.MessageTemplate.Text}" : null;
    }

    private static Exception Innermost(Exception exception)
    {
        while (exception.InnerException is not null)
        {
            exception = exception.InnerException;
        }
        return exception;
    }

    private sealed class Window
    {
        public DateTimeOffset Until { get; set; }

        public int Suppressed { get; set; }
    }
}
