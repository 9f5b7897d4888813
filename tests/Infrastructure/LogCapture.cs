using System.Collections.Concurrent;
using Serilog.Core;
using Serilog.Events;

namespace Wallet.Tests.Infrastructure;

/// <summary>Every log event the API host writes, rendered with its properties and exception, for secrecy checks.</summary>
public sealed class LogCapture : ILogEventSink
{
    private readonly ConcurrentQueue<string> _lines = new();

    public void Emit(LogEvent logEvent)
    {
        var properties = string.Join(' ', logEvent.Properties.Select(p => $"{p.Key}={p.Value}"));
        _lines.Enqueue($"{logEvent.RenderMessage()} {properties} {logEvent.Exception}");
    }

    public IReadOnlyCollection<string> Lines => _lines.ToArray();
}
