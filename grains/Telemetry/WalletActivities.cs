using System.Diagnostics;

namespace Wallet.Telemetry;

/// <summary>
/// The bank's own spans: work done for many requests at once, such as a group commit's batch, which runs on a
/// loop of its own where no request's trace flows. Such a span continues the trace of the first traced request
/// it serves and links the others, so a request's trace reaches the database commands that stored its state.
/// </summary>
public static class WalletActivities
{
    public const string SourceName = "Wallet";

    private static readonly ActivitySource Source = new(SourceName, "1.0");

    /// <summary>The traced request the current code runs for, if any: what a batched call remembers.</summary>
    public static ActivityContext Caller => Activity.Current is { Recorded: true } current ? current.Context : default;

    /// <summary>
    /// A span for work serving each of <paramref name="items"/>, or null when none of them is traced (without
    /// tracing: one check, nothing allocated).
    /// </summary>
    public static Activity? ServingMany<T>(string name, IReadOnlyList<T> items, Func<T, ActivityContext> callerOf)
    {
        if (!Source.HasListeners())
        {
            return null;
        }
        var callers = items.Select(callerOf).Where(caller => caller != default).Distinct().ToList();
        return callers.Count == 0 ? null
            : Source.StartActivity(name, ActivityKind.Internal, callers[0], links: callers.Skip(1).Select(caller => new ActivityLink(caller)));
    }
}
