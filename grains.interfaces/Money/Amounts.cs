namespace Wallet.Money;

/// <summary>Rules every amount of money obeys: whole minor units within the range a movement may carry.</summary>
public static class Amounts
{
    /// <summary>10^13 minor units: ¥100 billion, far above any single movement, far below long's range.</summary>
    public const long Max = 10_000_000_000_000;

    public static bool IsValidMovement(long amount) => amount is >= 1 and <= Max;

    /// <summary>An amount as people read it, e.g. <c>5,000.00 CNY</c> for 500000 fen.</summary>
    public static string Format(long amount, string currency)
    {
        var exponent = Currencies.MinorUnitsOf(currency);
        var major = amount / (decimal)Math.Pow(10, exponent);
        return $"{major.ToString("N" + exponent, System.Globalization.CultureInfo.InvariantCulture)} {currency}";
    }
}
