using Wallet.Money;

namespace Wallet.Fx;

/// <summary>Two currencies in the order money is converted: out of <see cref="From"/> into <see cref="To"/>. Keyed <c>USD-CNY</c>.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.CurrencyPair")]
public readonly record struct CurrencyPair([property: Id(0)] string From, [property: Id(1)] string To)
{
    public string Key => $"{From}-{To}";

    /// <summary>A pair's key read back (<c>USD-CNY</c>), or null when it is not two different supported currencies.</summary>
    public static CurrencyPair? Parse(string? key)
        => key is { Length: 7 } && key[3] == '-' && new CurrencyPair(key[..3], key[4..]) is var pair && pair.IsConvertible ? pair : null;

    /// <summary>Two different currencies the wallet supports.</summary>
    public bool IsConvertible => Currencies.IsSupported(From) && Currencies.IsSupported(To) && From != To;

    public override string ToString() => Key;
}

/// <summary>
/// A pair's rates, each in major units of <c>To</c> for one major unit of <c>From</c>: the market's
/// <paramref name="Mid"/>, what the bank pays for <c>From</c> (<paramref name="Buy"/>, below the mid by the spread:
/// a customer converting <c>From</c> into <c>To</c> gets this) and what it asks for it (<paramref name="Sell"/>, above).
/// <paramref name="At"/>: when the rate source gave the mid.
/// </summary>
[GenerateSerializer, Immutable, Alias("Wallet.FxRate")]
public sealed record FxRate(
    [property: Id(0)] CurrencyPair Pair,
    [property: Id(1)] decimal Mid,
    [property: Id(2)] decimal Buy,
    [property: Id(3)] decimal Sell,
    [property: Id(4)] DateTimeOffset At);

/// <summary>
/// One currency pair's rates (keyed by <see cref="CurrencyPair.Key"/>): the mid from the rate source, refreshed when
/// older than a few seconds, and the bank's buy and sell rates around it (the configured spread).
/// </summary>
[Alias("Wallet.IFxRateGrain")]
public interface IFxRateGrain : IGrainWithStringKey
{
    /// <summary>The pair's rates now; 503 <c>integration_unavailable</c> when no rate source is configured.</summary>
    [Alias("Current"), Orleans.Concurrency.ReadOnly]
    Task<FxRate> Current();
}

/// <summary>
/// The day's rate of one currency to the home currency (key <c>USD:2026-12-02</c>, the bank day in Asia/Shanghai): the mid
/// when first asked that day, kept for the rest of it. A foreign-currency wallet's tier limits and balance cap, set in the
/// home currency, are converted at it, so a day's limits do not move with every tick of the feed.
/// </summary>
[Alias("Wallet.IFxFixingGrain")]
public interface IFxFixingGrain : IGrainWithStringKey
{
    /// <summary>Home-currency major units for one major unit of the currency; 503 <c>integration_unavailable</c> without a rate feed.</summary>
    [Alias("PerUnit")]
    Task<decimal> PerUnit();
}

public static class FxFixings
{
    public static string KeyOf(string currency, DateOnly day) => $"{currency}:{day:yyyy-MM-dd}";
}

/// <summary>
/// The conversions' arithmetic: amounts in minor units, rates in major units, rounded always in the bank's
/// favour by less than one minor unit — what the customer receives is rounded down, what they pay is rounded up.
/// </summary>
public static class FxArithmetic
{
    /// <summary>Rates are kept to this many decimal places (a yen in yuan, 0.048213, still has five significant digits).</summary>
    public const int RateDecimals = 6;

    /// <summary>What <paramref name="fromAmount"/> of <c>From</c> gives in <c>To</c> at <paramref name="rate"/>, rounded down.</summary>
    public static long Receives(long fromAmount, decimal rate, CurrencyPair pair)
        => (long)decimal.Floor(fromAmount * rate * Scale(pair));

    /// <summary>What must be paid in <c>From</c> to receive <paramref name="toAmount"/> of <c>To</c> at <paramref name="rate"/>, rounded up.</summary>
    public static long Pays(long toAmount, decimal rate, CurrencyPair pair)
        => (long)decimal.Ceiling(toAmount / (rate * Scale(pair)));

    /// <summary><paramref name="amount"/> of <c>From</c> counted in <c>To</c> at <paramref name="rate"/>, rounded up (a quota or limit reached, not slipped under).</summary>
    public static long CountedAs(long amount, decimal rate, CurrencyPair pair)
        => (long)decimal.Ceiling(amount * rate * Scale(pair));

    /// <summary>A rate kept to <see cref="RateDecimals"/> places.</summary>
    public static decimal Rounded(decimal rate) => decimal.Round(rate, RateDecimals, MidpointRounding.ToZero);

    /// <summary>From minor units at a major-unit rate to minor units: ×100 for JPY → CNY (a yen has no minor unit, a yuan 100 fen), ÷100 for CNY → JPY.</summary>
    private static decimal Scale(CurrencyPair pair) => Pow10(Currencies.MinorUnitsOf(pair.To)) / Pow10(Currencies.MinorUnitsOf(pair.From));

    private static decimal Pow10(int exponent) => exponent == 0 ? 1m : 10m * Pow10(exponent - 1);
}
