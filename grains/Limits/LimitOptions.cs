using Wallet.Customers;
using Wallet.Money;

namespace Wallet.Limits;

/// <summary>
/// The real-name tiers' limits as versioned configuration (<c>Wallet:Limits</c>): limits change
/// over time, so each version says from when it applies, and a movement uses the version in force
/// at its own time. Amounts are minor units of <see cref="LimitVersion.Currency"/>; a tier without a
/// row has no limit, and a currency without a version of its own takes the home currency's
/// (<see cref="MoneyOptions.HomeCurrency"/>) at its reference rate. Without any configured version the e-CNY table applies.
/// </summary>
public sealed class LimitOptions
{
    public const string Section = "Wallet:Limits";

    /// <summary>The calendar whose days and years the daily and yearly limits count.</summary>
    public string TimeZone { get; set; } = "Asia/Shanghai";

    public List<LimitVersion> Versions { get; set; } = [];

    /// <summary>
    /// Home-currency units for one major unit of each other currency a wallet may be opened in (<c>ReferenceRates:{CCY}</c>).
    /// A wallet in a currency no version lists is held to the home currency's limits converted at this rate, rounded
    /// against the customer; a currency without a rate cannot be opened. Empty: <see cref="DefaultReferenceRates"/>
    /// (CNY for one unit, so a bank whose home currency is another must configure its own).
    /// </summary>
    public Dictionary<string, decimal> ReferenceRates { get; set; } = [];

    /// <summary>
    /// Until proper FX rates arrive: late-2025 market rates rounded up (a dearer foreign unit makes its
    /// limits smaller), so the limits err on the tight side.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, decimal> DefaultReferenceRates = new Dictionary<string, decimal>(StringComparer.Ordinal)
    {
        ["HKD"] = 0.92m, ["MOP"] = 0.90m, ["TWD"] = 0.23m, ["USD"] = 7.30m, ["EUR"] = 8.50m, ["GBP"] = 9.80m,
        ["JPY"] = 0.050m, ["KRW"] = 0.0055m, ["SGD"] = 5.60m, ["AUD"] = 4.90m, ["CAD"] = 5.30m, ["CHF"] = 9.20m,
    };

    /// <summary>The e-CNY wallet's tiers: 4 phone only, 3 real name, 2 also a debit card in that name, 1 in person (no limits).</summary>
    public static readonly LimitVersion ECny = new()
    {
        EffectiveFrom = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.FromHours(8)),
        Currency = MoneyOptions.DefaultHomeCurrency,
        Tiers = new Dictionary<int, TierLimits>
        {
            [CustomerTiers.Lowest] = new(Yuan(10_000), Yuan(2_000), Yuan(5_000), Yuan(50_000)),
            [CustomerTiers.RealName] = new(Yuan(20_000), Yuan(5_000), Yuan(10_000), null),
            [CustomerTiers.DebitCard] = new(Yuan(500_000), Yuan(50_000), Yuan(100_000), null),
        },
    };

    private static long Yuan(long yuan) => yuan * 100;
}

public sealed class LimitVersion
{
    public DateTimeOffset EffectiveFrom { get; set; }

    public string Currency { get; set; } = MoneyOptions.DefaultHomeCurrency;

    /// <summary>Limits by tier number.</summary>
    public Dictionary<int, TierLimits> Tiers { get; set; } = [];
}
