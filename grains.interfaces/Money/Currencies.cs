namespace Wallet.Money;

/// <summary>The ISO 4217 currencies the wallet holds, with their minor-unit exponent.</summary>
public static class Currencies
{
    private static readonly Dictionary<string, int> s_minorUnits = new(StringComparer.Ordinal)
    {
        ["CNY"] = 2, ["HKD"] = 2, ["MOP"] = 2, ["TWD"] = 2, ["USD"] = 2, ["EUR"] = 2, ["GBP"] = 2,
        ["JPY"] = 0, ["KRW"] = 0, ["SGD"] = 2, ["AUD"] = 2, ["CAD"] = 2, ["CHF"] = 2,
    };

    /// <summary>True when <paramref name="code"/> is an upper-case ISO 4217 code the wallet supports.</summary>
    public static bool IsSupported(string? code) => code is not null && s_minorUnits.ContainsKey(code);

    public static IReadOnlyCollection<string> All => s_minorUnits.Keys;

    /// <summary>How many decimal places the currency's minor unit has (2 for CNY's fen, 0 for JPY).</summary>
    public static int MinorUnitsOf(string code) => s_minorUnits.GetValueOrDefault(code, 2);
}
