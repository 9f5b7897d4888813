using Wallet.Display;
using Wallet.Events;
using Wallet.Risk;

namespace Wallet.Claims;

/// <summary>
/// The evidence the bank holds now about a claimed movement, read from the customer's risk monitor: the sign-ins (with where
/// the app said it was), device keys added or removed, the other signals and the alerts around it. The claim copies it into
/// its own state when it opens, so later events do not change it.
/// </summary>
public static class ClaimEvidenceReader
{
    public static async Task<ClaimEvidence> Read(IGrainFactory grains, ClaimOpening opening, DateTimeOffset now)
    {
        var monitor = grains.GetGrain<IRiskMonitorGrain>(opening.CustomerId);
        var snapshot = await monitor.GetSnapshot();
        var standing = await monitor.GetStanding();
        var at = opening.Entry.CreatedAt;
        var from = at - ClaimRules.EvidenceBefore;
        var signals = snapshot.RecentSignals.Where(e => e.OccurredAt >= from && e.OccurredAt <= now).OrderBy(e => e.OccurredAt).ToList();
        var signIns = signals.Select(SignInOf).OfType<ClaimSignIn>().ToList();
        var before = signIns.LastOrDefault(s => s.Succeeded && s.At <= at && s.Latitude is not null);
        var devices = signals.Select(e => e switch
        {
            DeviceRegistered d => $"{d.OccurredAt:O} device {d.DeviceId} registered",
            DeviceRemoved d => $"{d.OccurredAt:O} device {d.DeviceId} removed",
            _ => null,
        }).OfType<string>().ToList();
        var others = signals.Where(e => e is not (LoginSucceeded or LoginFailed or DeviceRegistered or DeviceRemoved))
            .Select(e => $"{e.OccurredAt:O} {EventName(e)}").ToList();
        var alerts = standing.Alerts.Where(a => a.EventAt >= from && a.RaisedAt <= now)
            .Select(a => new ClaimAlert(a.AlertId, EnumNames.Of(a.Rule), a.Detail, EnumNames.Of(a.Restriction), a.RaisedAt)).ToList();
        return new ClaimEvidence(now, opening.Entry, before, signIns, devices, alerts, EnumNames.Of(standing.Restriction), others);
    }

    private static ClaimSignIn? SignInOf(WalletEvent e) => e switch
    {
        LoginSucceeded s => new ClaimSignIn(s.OccurredAt, true, s.Location?.Latitude, s.Location?.Longitude),
        LoginFailed f => new ClaimSignIn(f.OccurredAt, false, f.Location?.Latitude, f.Location?.Longitude),
        _ => null,
    };

    private static string EventName(WalletEvent e) => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(e.GetType().Name);
}
