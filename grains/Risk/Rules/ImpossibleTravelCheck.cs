namespace Wallet.Risk.Rules;

/// <summary>Two requests from places further apart than anyone could travel in the time between them.</summary>
public sealed class ImpossibleTravelCheck : IRiskRuleCheck
{
    public RiskRule Rule => RiskRule.ImpossibleTravel;

    public string? Check(RiskState state, Observation seen, RiskOptions options)
    {
        var settings = options.ImpossibleTravel;
        if (RiskState.LocationOf(seen.Event) is not { } here || seen.LastLocation is not { } there || seen.LastLocationAt is not { } thenAt)
        {
            return null; // this event carried no location, or it is the first one
        }
        var kilometres = there.KilometresTo(here);
        var hours = Math.Max((seen.Event.OccurredAt - thenAt).TotalHours, 0);
        if (kilometres < settings.MinimumDistanceKm || kilometres <= settings.MaxSpeedKmh * hours)
        {
            return null;
        }
        return $"Requests {kilometres:0} km apart within {hours * 60:0} minutes (more than {settings.MaxSpeedKmh:0} km/h).";
    }
}
