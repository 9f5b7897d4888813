using Wallet.Hosting;

namespace Wallet.Risk;

/// <summary>
/// The operators' list: the latest alerts across all customers, newest first by when they were raised.
/// Bounded: the oldest reviewed alerts go first (each customer's monitor still has its own latest).
/// </summary>
public sealed class RiskAlertsGrain([PersistentState("risk-alerts", StorageNames.Wallet)] IPersistentState<RiskAlertList> list)
    : Grain, IRiskAlertsGrain
{
    private const int Kept = 10_000;

    public async Task Record(IReadOnlyList<RiskAlert> alerts)
    {
        var byId = list.State.Alerts;
        var changed = false;
        foreach (var alert in alerts)
        {
            if (!byId.TryGetValue(alert.AlertId, out var known) || known != alert)
            {
                byId[alert.AlertId] = alert;
                changed = true;
            }
        }
        while (byId.Count > Kept)
        {
            var oldest = byId.Values.OrderBy(a => a.IsOpen).ThenBy(a => a.RaisedAt).First();
            byId.Remove(oldest.AlertId);
        }
        if (changed)
        {
            await list.WriteStateAsync();
        }
    }

    public Task<RiskAlert?> Find(string alertId) => Task.FromResult(list.State.Alerts.GetValueOrDefault(alertId));

    public Task<RiskAlertPage> List(bool openOnly, string? cursor, int limit)
    {
        var ordered = list.State.Alerts.Values
            .Where(a => !openOnly || a.IsOpen)
            .OrderByDescending(a => a.RaisedAt).ThenByDescending(a => a.AlertId, StringComparer.Ordinal)
            .SkipWhile(a => cursor is not null && !IsAfter(a, cursor))
            .Take(limit + 1)
            .ToList();
        var page = ordered.Take(limit).ToList();
        return Task.FromResult(new RiskAlertPage(page, ordered.Count > limit ? CursorOf(page[^1]) : null));
    }

    /// <summary>A cursor is the last alert's raise time (ticks) and id: the next page starts strictly after it in the order.</summary>
    private static string CursorOf(RiskAlert alert) => $"{alert.RaisedAt.UtcTicks}.{alert.AlertId}";

    private static bool IsAfter(RiskAlert alert, string cursor)
    {
        var dot = cursor.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0 || !long.TryParse(cursor.AsSpan(0, dot), out var ticks))
        {
            return true; // an unreadable cursor starts from the top
        }
        var id = cursor[(dot + 1)..];
        return alert.RaisedAt.UtcTicks < ticks || (alert.RaisedAt.UtcTicks == ticks && string.CompareOrdinal(alert.AlertId, id) < 0);
    }
}

[GenerateSerializer, Alias("Wallet.RiskAlertList")]
public sealed class RiskAlertList
{
    [Id(0)] public Dictionary<string, RiskAlert> Alerts { get; set; } = [];
}
