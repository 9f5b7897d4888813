using Microsoft.Extensions.Options;

namespace Wallet.Limits;

/// <summary>Answers which limits a tier has for a currency at a moment, and which bank day that moment falls on.</summary>
public sealed class LimitSchedule
{
    /// <summary>The currency the tiers' limits are set in; every other one is converted from it.</summary>
    public const string LimitCurrency = "CNY";

    /// <summary>What a wallet in a currency that lost its reference rate may do: nothing, rather than anything.</summary>
    public static readonly TierLimits Nothing = new(0, 0, 0, 0);

    private readonly LimitVersion[] _versions;
    private readonly IReadOnlyDictionary<string, decimal> _rates;
    private readonly TimeZoneInfo _zone;

    public LimitSchedule(IOptions<LimitOptions> options)
    {
        var configured = options.Value.Versions;
        _versions = [.. (configured.Count > 0 ? configured : [LimitOptions.ECny]).OrderByDescending(v => v.EffectiveFrom)];
        _rates = options.Value.ReferenceRates.Count > 0 ? options.Value.ReferenceRates : LimitOptions.DefaultReferenceRates;
        if (_rates.FirstOrDefault(r => r.Value <= 0) is { Key: not null } bad)
        {
            throw new InvalidOperationException($"{LimitOptions.Section}:ReferenceRates:{bad.Key} must be above zero.");
        }
        _zone = ZoneOf(options.Value.TimeZone);
    }

    /// <summary>Whether wallets may be opened in <paramref name="currency"/>: it has limits of its own or a reference rate to CNY's.</summary>
    public bool Covers(string currency)
        => currency == LimitCurrency || _rates.ContainsKey(currency) || _versions.Any(v => v.Currency == currency);

    /// <summary>
    /// The tier's limits in <paramref name="currency"/>'s minor units: its own version's if one is in force,
    /// otherwise CNY's converted at the reference rate and rounded down — the same as counting every movement
    /// in CNY rounded up, so each limit holds to the fen. Without a rate, <see cref="Nothing"/>.
    /// </summary>
    public TierLimits For(int tier, string currency, DateTimeOffset at)
    {
        var own = InForce(tier, currency, at);
        if (own is not null || currency == LimitCurrency)
        {
            return own ?? TierLimits.None;
        }
        var limits = InForce(tier, LimitCurrency, at) ?? TierLimits.None;
        if (limits == TierLimits.None)
        {
            return limits;
        }
        if (!_rates.TryGetValue(currency, out var rate))
        {
            return Nothing;
        }
        // Fen per minor unit of the currency: 7.3 for a US cent at 7.30, 5 for a yen at 0.050.
        var fenPerUnit = rate * 100m / Pow10(Money.Currencies.MinorUnitsOf(currency));
        return new TierLimits(Convert(limits.BalanceCap, fenPerUnit), Convert(limits.Single, fenPerUnit), Convert(limits.Daily, fenPerUnit), Convert(limits.Yearly, fenPerUnit));
    }

    private TierLimits? InForce(int tier, string currency, DateTimeOffset at)
    {
        var version = _versions.FirstOrDefault(v => v.Currency == currency && v.EffectiveFrom <= at);
        return version is null ? null : version.Tiers.GetValueOrDefault(tier, TierLimits.None);
    }

    private static long? Convert(long? fen, decimal fenPerUnit)
        => fen is { } limit ? (long)decimal.Floor(limit / fenPerUnit) : null;

    private static decimal Pow10(int exponent) => exponent == 0 ? 1m : 10m * Pow10(exponent - 1);

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
