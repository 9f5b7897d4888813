using Wallet.Hosting;
using Wallet.Storage;

namespace Wallet.Risk;

/// <summary>
/// A shard of the operators' list: the latest alerts of the customers hashed to it. Bounded: the
/// oldest reviewed alerts go first (each customer's monitor still has its own latest). Reentrant, with
/// its writes coalesced: alerts arriving together cost one write, not one each.
/// </summary>
[Reentrant]
public sealed class RiskAlertsGrain : Grain, IRiskAlertsGrain
{
    private const int Kept = 2_000;

    private readonly IPersistentState<RiskAlertList> _list;
    private readonly CoalescedWrites _writes;

    public RiskAlertsGrain([PersistentState("risk-alerts", StorageNames.Wallet)] IPersistentState<RiskAlertList> list)
    {
        _list = list;
        _writes = new CoalescedWrites(() => _list.WriteStateAsync());
    }

    public async Task Record(IReadOnlyList<RiskAlert> alerts)
    {
        var byId = _list.State.Alerts;
        var changed = false;
        foreach (var alert in alerts)
        {
            if (!byId.TryGetValue(alert.AlertId, out var known) || known != alert)
            {
                byId[alert.AlertId] = alert;
                changed = true;
            }
        }
        if (byId.Count > Kept)
        {
            foreach (var oldest in byId.Values.OrderBy(a => a.IsOpen).ThenBy(a => a.RaisedAt).Take(byId.Count - Kept).ToList())
            {
                byId.Remove(oldest.AlertId);
            }
        }
        if (changed)
        {
            await _writes.Save();
        }
    }

    public Task<RiskAlert?> Find(string alertId) => Task.FromResult(_list.State.Alerts.GetValueOrDefault(alertId));

    public Task<IReadOnlyList<RiskAlert>> List(bool openOnly, string? cursor, int limit)
        => Task.FromResult<IReadOnlyList<RiskAlert>>([.. _list.State.Alerts.Values
            .Where(a => (!openOnly || a.IsOpen) && RiskAlertLists.IsAfter(a, cursor))
            .Order(RiskAlertLists.Order)
            .Take(limit)]);
}

[GenerateSerializer, Alias("Wallet.RiskAlertList")]
public sealed class RiskAlertList
{
    [Id(0)] public Dictionary<string, RiskAlert> Alerts { get; set; } = [];
}
