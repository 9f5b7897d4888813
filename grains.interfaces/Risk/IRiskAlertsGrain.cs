namespace Wallet.Risk;

/// <summary>
/// One shard of the operators' list of alerts, keyed by <see cref="RiskAlertLists.ShardOf"/> of the
/// customer: an incident raising many alerts at once spreads over the shards instead of queueing on
/// one grain. Each customer's monitor records its alerts in its shard after raising or reviewing them;
/// recording is by alert id, so doing it again changes nothing. Read through <see cref="RiskAlertLists"/>.
/// </summary>
[Alias("Wallet.IRiskAlertsGrain")]
public interface IRiskAlertsGrain : IGrainWithIntegerKey
{
    [Alias("Record")]
    Task Record(IReadOnlyList<RiskAlert> alerts);

    [Alias("Find")]
    Task<RiskAlert?> Find(string alertId);

    /// <summary>This shard's alerts after <paramref name="cursor"/> in the list's order (newest first), at most <paramref name="limit"/>.</summary>
    [Alias("List")]
    Task<IReadOnlyList<RiskAlert>> List(bool openOnly, string? cursor, int limit);
}

/// <summary>The operators' list across its shards: pages merged newest first, and an alert found by id.</summary>
public static class RiskAlertLists
{
    public const int Shards = 16;

    public static long ShardOf(string customerId) => Ledger.StableHash.Of(customerId) % Shards;

    public static IRiskAlertsGrain Shard(this IGrainFactory grains, string customerId) => grains.GetGrain<IRiskAlertsGrain>(ShardOf(customerId));

    /// <summary>Newest first; <paramref name="openOnly"/> leaves out reviewed ones; <paramref name="cursor"/> from an earlier page.</summary>
    public static async Task<RiskAlertPage> List(IGrainFactory grains, bool openOnly, string? cursor, int limit)
    {
        var shards = await Task.WhenAll(Enumerable.Range(0, Shards).Select(s => grains.GetGrain<IRiskAlertsGrain>(s).List(openOnly, cursor, limit + 1)));
        var merged = shards.SelectMany(s => s).OrderBy(a => a, Order).Take(limit + 1).ToList();
        var page = merged.Take(limit).ToList();
        return new RiskAlertPage(page, merged.Count > limit ? CursorOf(page[^1]) : null);
    }

    public static async Task<RiskAlert?> Find(IGrainFactory grains, string alertId)
        => (await Task.WhenAll(Enumerable.Range(0, Shards).Select(s => grains.GetGrain<IRiskAlertsGrain>(s).Find(alertId)))).FirstOrDefault(a => a is not null);

    /// <summary>Newest raised first; alerts raised at the same instant by id, so every alert has one place.</summary>
    public static readonly IComparer<RiskAlert> Order = Comparer<RiskAlert>.Create((x, y) =>
        y.RaisedAt.UtcTicks.CompareTo(x.RaisedAt.UtcTicks) is var byTime and not 0 ? byTime : string.CompareOrdinal(y.AlertId, x.AlertId));

    /// <summary>A cursor is the last alert's raise time (ticks) and id: the next page starts strictly after it.</summary>
    public static string CursorOf(RiskAlert alert) => $"{alert.RaisedAt.UtcTicks}.{alert.AlertId}";

    /// <summary>Whether an alert comes after the cursor in the list's order; an unreadable cursor starts from the top.</summary>
    public static bool IsAfter(RiskAlert alert, string? cursor)
    {
        var dot = cursor?.IndexOf('.', StringComparison.Ordinal) ?? -1;
        if (cursor is null || dot < 0 || !long.TryParse(cursor.AsSpan(0, dot), out var ticks))
        {
            return true;
        }
        var id = cursor[(dot + 1)..];
        return alert.RaisedAt.UtcTicks < ticks || (alert.RaisedAt.UtcTicks == ticks && string.CompareOrdinal(alert.AlertId, id) < 0);
    }
}
