using Microsoft.Extensions.Options;
using Wallet.Money;

namespace Wallet.Limits;

/// <summary>Answers which limits a tier has for a currency at a moment, and which bank day that moment falls on.</summary>
public sealed class LimitSchedule
{
    /// <summary>What a wallet in a currency that lost its reference rate may do: nothing, rather than anything.</summary>
    public static readonly TierLimits Nothing = new(0, 0, 0, 0);

    private readonly LimitVersion[] _versions;
    private readonly TimeZoneInfo _zone;

    public LimitSchedule(IOptions<LimitOptions> options, IOptions<MoneyOptions>? money = null)
    {
        var configured = options.Value.Versions;
        _versions = [.. (configured.Count > 0 ? configured : [LimitOptions.ECny]).OrderByDescending(v => v.EffectiveFrom)];
        Rates = new ReferenceRates(options.Value, money?.Value ?? new MoneyOptions());
        if (!_versions.Any(v => v.Currency == HomeCurrency))
        {
            // Every other currency's limits are the home currency's converted: without them a foreign wallet would have none.
            throw new InvalidOperationException($"{LimitOptions.Section}:Versions has no version in the home currency {HomeCurrency}.");
        }
        _zone = ZoneOf(options.Value.TimeZone);
    }

    /// <summary>The bank's time zone (Asia/Shanghai unless configured otherwise): its days, months and printed times.</summary>
    public TimeZoneInfo Zone => _zone;

    /// <summary>The home currency and the reference rates to it, which convert the limits (and the risk rules' thresholds).</summary>
    public ReferenceRates Rates { get; }

    /// <summary>The currency the tiers' limits are set in; every other one is converted from it.</summary>
    public string HomeCurrency => Rates.HomeCurrency;

    /// <summary>Whether wallets may be opened in <paramref name="currency"/>: the bank offers it (and so has a reference rate to the home currency).</summary>
    public bool Covers(string currency) => Rates.Offered.Contains(currency);

    /// <summary>
    /// The tier's limits in <paramref name="currency"/>'s minor units: its own version's if one is in force,
    /// otherwise the home currency's converted at the day's rate (<paramref name="dayRate"/>, home major units for one
    /// major unit; the reference rate when none is given) and rounded down — the same as counting every movement in the
    /// home currency rounded up, so each limit holds to the fen. Without a rate, <see cref="Nothing"/>.
    /// </summary>
    public TierLimits For(int tier, string currency, DateTimeOffset at, decimal? dayRate = null)
    {
        var own = InForce(tier, currency, at);
        if (own is not null || currency == HomeCurrency)
        {
            return own ?? TierLimits.None;
        }
        var limits = InForce(tier, HomeCurrency, at) ?? TierLimits.None;
        if (limits == TierLimits.None)
        {
            return limits;
        }
        if (!Rates.Covers(currency))
        {
            return Nothing;
        }
        return new TierLimits(Convert(limits.BalanceCap, currency, dayRate), Convert(limits.Single, currency, dayRate), Convert(limits.Daily, currency, dayRate),
            Convert(limits.Yearly, currency, dayRate));
    }

    /// <summary>Whether <paramref name="currency"/>'s limits are the home currency's converted (no version of its own is in force).</summary>
    public bool Converts(int tier, string currency, DateTimeOffset at) => currency != HomeCurrency && InForce(tier, currency, at) is null;

    private TierLimits? InForce(int tier, string currency, DateTimeOffset at)
    {
        var version = _versions.FirstOrDefault(v => v.Currency == currency && v.EffectiveFrom <= at);
        return version is null ? null : version.Tiers.GetValueOrDefault(tier, TierLimits.None);
    }

    private long? Convert(long? home, string currency, decimal? dayRate)
        => home is not { } limit ? null : dayRate is { } rate and > 0 ? Rates.FromHome(limit, currency, rate) : Rates.FromHome(limit, currency);

    /// <summary>The bank's calendar day of <paramref name="at"/>: midnight in the configured zone (Asia/Shanghai) starts a new one.</summary>
    public DateOnly DayOf(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, _zone).DateTime);

    /// <summary>The first moment of the bank day after <paramref name="at"/>'s.</summary>
    public DateTimeOffset NextDayStart(DateTimeOffset at) => DayStart(DayOf(at).AddDays(1));

    /// <summary>The first moment of bank day <paramref name="day"/>: its midnight in the configured zone.</summary>
    public DateTimeOffset DayStart(DateOnly day)
    {
        var midnight = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(midnight, _zone.GetUtcOffset(midnight));
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
