namespace Wallet.Risk;

/// <summary>
/// The operators' list of alerts across customers (one grain: alerts are rare next to movements).
/// Each customer's monitor records its alerts here after raising or reviewing them; recording is by
/// alert id, so doing it again changes nothing.
/// </summary>
[Alias("Wallet.IRiskAlertsGrain")]
public interface IRiskAlertsGrain : IGrainWithStringKey
{
    public const string Key = "all";

    [Alias("Record")]
    Task Record(IReadOnlyList<RiskAlert> alerts);

    [Alias("Find")]
    Task<RiskAlert?> Find(string alertId);

    /// <summary>Newest first; <paramref name="openOnly"/> leaves out reviewed ones; <paramref name="cursor"/> from an earlier page.</summary>
    [Alias("List")]
    Task<RiskAlertPage> List(bool openOnly, string? cursor, int limit);
}
