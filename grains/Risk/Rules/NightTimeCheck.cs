using Wallet.Events;

namespace Wallet.Risk.Rules;

/// <summary>A large payment, or many payments, in the small hours of the customer's night.</summary>
public sealed class NightTimeCheck : IRiskRuleCheck
{
    /// <summary>China has kept UTC+8 without daylight saving since 1991: exact where the zone database is missing.</summary>
    private static readonly TimeZoneInfo ChinaStandardTime = TimeZoneInfo.CreateCustomTimeZone("China Standard Time", TimeSpan.FromHours(8), "China Standard Time", "CST");

    public RiskRule Rule => RiskRule.NightTime;

    public string? Check(RiskState state, Observation seen, RiskOptions options)
    {
        var settings = options.NightTime;
        if (seen.Event is not MoneyMoved moved || !RiskState.IsPayment(moved) || NightStarted(moved.OccurredAt, settings) is not { } nightFrom)
        {
            return null;
        }
        if (seen.Amount >= settings.LargeAmount)
        {
            return $"A payment of {RiskRuleChecks.Paid(moved, seen)} at night (threshold {RiskRuleChecks.Format(settings.LargeAmount, seen)}).";
        }
        var tonight = state.PaymentsSince(nightFrom).Count();
        return tonight >= settings.Count ? $"{tonight} payments tonight (threshold {settings.Count})." : null;
    }

    /// <summary>When the night that <paramref name="at"/> falls in began, or null if it is not night.</summary>
    public static DateTimeOffset? NightStarted(DateTimeOffset at, NightTimeSettings settings)
    {
        var zone = ZoneOf(settings.TimeZone);
        var local = TimeZoneInfo.ConvertTime(at, zone);
        if (local.Hour < settings.FromHour || local.Hour >= settings.UntilHour)
        {
            return null;
        }
        var start = local.Date.AddHours(settings.FromHour);
        return new DateTimeOffset(start, zone.GetUtcOffset(start));
    }

    public static TimeZoneInfo ZoneOf(string id)
        => TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone
            : id == "Asia/Shanghai" ? ChinaStandardTime
            : throw new InvalidOperationException($"{RiskOptions.Section}:NightTime:TimeZone names no time zone this machine knows: {id}.");
}
