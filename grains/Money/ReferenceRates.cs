using Wallet.Limits;

namespace Wallet.Money;

/// <summary>
/// The home currency and the reference rates to it (<c>Wallet:Limits:ReferenceRates</c>: home-currency units
/// for one unit of each other currency the bank offers). Limits and risk thresholds are set in the home
/// currency; another currency's are these converted, rounded against the customer. A currency without a
/// rate is not offered. Checked when a silo starts: a wrong rate would lift every foreign wallet's limits.
/// </summary>
public sealed class ReferenceRates
{
    private readonly IReadOnlyDictionary<string, decimal> _rates;
    private readonly IReadOnlySet<string> _offered = new HashSet<string>();

    public ReferenceRates(LimitOptions limits, MoneyOptions money)
    {
        HomeCurrency = money.HomeCurrency;
        if (!Currencies.IsSupported(HomeCurrency))
        {
            throw new InvalidOperationException($"{MoneyOptions.Section}:HomeCurrency is not a currency the wallet holds: {HomeCurrency}.");
        }
        if (limits.ReferenceRates.Count == 0 && HomeCurrency != MoneyOptions.DefaultHomeCurrency)
        {
            throw new InvalidOperationException(
                $"{LimitOptions.Section}:ReferenceRates must be configured for the home currency {HomeCurrency}: the default rates are {MoneyOptions.DefaultHomeCurrency} for one unit.");
        }
        _rates = limits.ReferenceRates.Count > 0 ? limits.ReferenceRates : LimitOptions.DefaultReferenceRates;
        // A configured list must be all rated; the default list is what of it has a rate (a bank with another home currency configures its own rates).
        if (money.Currencies is { } configured && configured.FirstOrDefault(c => !Currencies.IsSupported(c) || !Covers(c)) is { } unrated)
        {
            throw new InvalidOperationException($"{MoneyOptions.Section}:Currencies offers {unrated}, which the wallet does not hold or has no reference rate to {HomeCurrency}.");
        }
        _offered = new HashSet<string>(money.Offered.Where(Covers), StringComparer.Ordinal);
        if (_rates.FirstOrDefault(r => r.Value <= 0) is { Key: not null } bad)
        {
            throw new InvalidOperationException($"{LimitOptions.Section}:ReferenceRates:{bad.Key} must be above zero.");
        }
    }

    /// <summary>The currency limits and thresholds are set in (<see cref="MoneyOptions.HomeCurrency"/>).</summary>
    public string HomeCurrency { get; }

    /// <summary>Whether <paramref name="currency"/> is the home currency or has a reference rate to it.</summary>
    public bool Covers(string currency) => currency == HomeCurrency || _rates.ContainsKey(currency);

    /// <summary>The currencies the bank offers (<c>Wallet:Money:Currencies</c>): wallets, merchants and conversions in them.</summary>
    public IReadOnlySet<string> Offered => _offered;

    /// <summary>Home-currency major units for one major unit of <paramref name="currency"/> (1 for the home currency); null without a rate.</summary>
    public decimal? PerUnit(string currency) => currency == HomeCurrency ? 1m : _rates.TryGetValue(currency, out var rate) ? rate : null;

    /// <summary>Home minor units for one minor unit of <paramref name="currency"/> (7.3 fen for a US cent at 7.30, 5 for a yen at 0.050); null without a rate.</summary>
    public decimal? HomeUnitsPerUnit(string currency)
    {
        if (currency == HomeCurrency)
        {
            return 1m;
        }
        return _rates.TryGetValue(currency, out var rate)
            ? rate * Pow10(Currencies.MinorUnitsOf(HomeCurrency)) / Pow10(Currencies.MinorUnitsOf(currency))
            : null;
    }

    /// <summary>An amount of <paramref name="currency"/> in home minor units, rounded up (so it reaches a home threshold when the threshold converted would be reached); null without a rate.</summary>
    public long? ToHome(long amount, string currency)
        => HomeUnitsPerUnit(currency) is { } per ? (long)decimal.Ceiling(amount * per) : null;

    /// <summary>A home amount in minor units of <paramref name="currency"/>, rounded down (a limit converted never allows more); null without a rate.</summary>
    public long? FromHome(long homeAmount, string currency)
        => HomeUnitsPerUnit(currency) is { } per ? (long)decimal.Floor(homeAmount / per) : null;

    /// <summary>The same at <paramref name="perUnit"/> home major units for one major unit of <paramref name="currency"/> (the day's rate) instead of the reference rate.</summary>
    public long FromHome(long homeAmount, string currency, decimal perUnit)
        => (long)decimal.Floor(homeAmount / (perUnit * Pow10(Currencies.MinorUnitsOf(HomeCurrency)) / Pow10(Currencies.MinorUnitsOf(currency))));

    private static decimal Pow10(int exponent) => exponent == 0 ? 1m : 10m * Pow10(exponent - 1);
}
