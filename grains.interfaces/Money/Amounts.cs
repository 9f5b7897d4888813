namespace Wallet.Money;

/// <summary>Rules every amount of money obeys: whole minor units within the range a movement may carry.</summary>
public static class Amounts
{
    /// <summary>10^13 minor units: ¥100 billion, far above any single movement, far below long's range.</summary>
    public const long Max = 10_000_000_000_000;

    public static bool IsValidMovement(long amount) => amount is >= 1 and <= Max;

    /// <summary>An amount as people read it, e.g. <c>5,000.00 CNY</c> for 500000 fen.</summary>
    public static string Format(long amount, string currency) => $"{Grouped(amount, currency)} {currency}";

    /// <summary>In the currency's major unit with its minor digits and thousands grouped, no code: <c>5,000.00</c>.</summary>
    public static string Grouped(long amount, string currency) => Major(amount, currency).ToString("N" + Currencies.MinorUnitsOf(currency), Invariant);

    /// <summary>As a spreadsheet reads it: major unit, minor digits, no grouping, a minus when negative: <c>-12.50</c>.</summary>
    public static string Plain(long amount, string currency) => Major(amount, currency).ToString("F" + Currencies.MinorUnitsOf(currency), Invariant);

    /// <summary>Minor units as the major unit's decimal (1250 fen → 12.50).</summary>
    public static decimal Major(long amount, string currency) => amount / (decimal)Math.Pow(10, Currencies.MinorUnitsOf(currency));

    private static System.Globalization.CultureInfo Invariant => System.Globalization.CultureInfo.InvariantCulture;
}
