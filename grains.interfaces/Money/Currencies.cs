namespace Wallet.Money;

/// <summary>The ISO 4217 currencies the wallet holds, with their minor-unit exponent and numeric code.</summary>
public static class Currencies
{
    private static readonly Dictionary<string, (int MinorUnits, string Numeric)> s_table = new(StringComparer.Ordinal)
    {
        ["CNY"] = (2, "156"), ["HKD"] = (2, "344"), ["MOP"] = (2, "446"), ["TWD"] = (2, "901"), ["USD"] = (2, "840"), ["EUR"] = (2, "978"), ["GBP"] = (2, "826"),
        ["JPY"] = (0, "392"), ["KRW"] = (0, "410"), ["SGD"] = (2, "702"), ["AUD"] = (2, "036"), ["CAD"] = (2, "124"), ["CHF"] = (2, "756"),
    };

    /// <summary>True when <paramref name="code"/> is an upper-case ISO 4217 code the wallet supports.</summary>
    public static bool IsSupported(string? code) => code is not null && s_table.ContainsKey(code);

    public static IReadOnlyCollection<string> All => s_table.Keys;

    /// <summary>How many decimal places the currency's minor unit has (2 for CNY's fen, 0 for JPY).</summary>
    public static int MinorUnitsOf(string code) => s_table.TryGetValue(code, out var currency) ? currency.MinorUnits : 2;

    /// <summary>The three-digit ISO 4217 code (156 for CNY), as an EMVCo QR code's tag 53 carries it.</summary>
    public static string NumericOf(string code) => s_table[code].Numeric;

    /// <summary>The alphabetic code of a three-digit one the wallet supports, or null.</summary>
    public static string? FromNumeric(string? numeric) => s_table.FirstOrDefault(c => c.Value.Numeric == numeric).Key;
}
