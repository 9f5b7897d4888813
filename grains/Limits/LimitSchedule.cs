using Microsoft.Extensions.Options;

namespace Wallet.Limits;

/// <summary>Answers which limits a tier has for a currency at a moment, and which bank day that moment falls on.</summary>
public sealed class LimitSchedule
{
    private readonly LimitVersion[] _versions;
    private readonly TimeZoneInfo _zone;

    public LimitSchedule(IOptions<LimitOptions> options)
    {
        var configured = options.Value.Versions;
        _versions = [.. (configured.Count > 0 ? configured : [LimitOptions.ECny]).OrderByDescending(v => v.EffectiveFrom)];
        _zone = ZoneOf(options.Value.TimeZone);
    }

    public TierLimits For(int tier, string currency, DateTimeOffset at)
    {
        var version = _versions.FirstOrDefault(v => v.Currency == currency && v.EffectiveFrom <= at);
        return version is not null && version.Tiers.TryGetValue(tier, out var limits) ? limits : TierLimits.None;
    }

    /// <summary>The bank's calendar day of <paramref name="at"/>: midnight in the configured zone (Asia/Shanghai) starts a new one.</summary>
    public DateOnly DayOf(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, _zone).DateTime);

    /// <summary>The first moment of the bank day after <paramref name="at"/>'s.</summary>
    public DateTimeOffset NextDayStart(DateTimeOffset at)
    {
        var nextMidnight = DayOf(at).AddDays(1).ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(nextMidnight, _zone.GetUtcOffset(nextMidnight));
    }

    private static TimeZoneInfo ZoneOf(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (TimeZoneNotFoundException) when (id == "Asia/Shanghai")
        {
            // A machine without time-zone data: China has kept UTC+8 without daylight saving since 1991.
            return TimeZoneInfo.CreateCustomTimeZone(id, TimeSpan.FromHours(8), id, id);
        }
    }
}
