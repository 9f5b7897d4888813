using Wallet.Customers;

namespace Wallet.Limits;

/// <summary>
/// The real-name tiers' limits as versioned configuration (<c>Wallet:Limits</c>): limits change
/// over time, so each version says from when it applies, and a movement uses the version in force
/// at its own time. Amounts are minor units of <see cref="LimitVersion.Currency"/>; a tier or a
/// currency without a row has no limit. Without any configured version the e-CNY table applies.
/// </summary>
public sealed class LimitOptions
{
    public const string Section = "Wallet:Limits";

    /// <summary>The currency whose limits a customer's profile shows (each wallet shows its own).</summary>
    public const string ShownCurrency = "CNY";

    /// <summary>The calendar whose days and years the daily and yearly limits count.</summary>
    public string TimeZone { get; set; } = "Asia/Shanghai";

    public List<LimitVersion> Versions { get; set; } = [];

    /// <summary>The e-CNY wallet's tiers: 4 phone only, 3 real name, 2 also a debit card in that name, 1 in person (no limits).</summary>
    public static readonly LimitVersion ECny = new()
    {
        EffectiveFrom = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.FromHours(8)),
        Currency = "CNY",
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

    public string Currency { get; set; } = "CNY";

    /// <summary>Limits by tier number.</summary>
    public Dictionary<int, TierLimits> Tiers { get; set; } = [];
}
