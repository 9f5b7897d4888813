using System.Globalization;

namespace Wallet.Web.Texts;

/// <summary>Amounts in minor units shown and read in the currency's major unit (¥1,234.56): the same in both languages.</summary>
public static class Money
{
    public static int Decimals(string currency) => currency is "JPY" or "KRW" ? 0 : 2;

    public static string Format(long minor, string currency)
    {
        var decimals = Decimals(currency);
        var major = minor / (decimal)Pow10(decimals);
        var text = Math.Abs(major).ToString(decimals == 0 ? "#,0" : "#,0.00", CultureInfo.InvariantCulture);
        var symbol = currency switch { "CNY" => "¥", "USD" => "$", "EUR" => "€", "GBP" => "£", "JPY" => "JP¥", "HKD" => "HK$", _ => currency + " " };
        return (minor < 0 ? "-" : "") + symbol + text;
    }

    /// <summary>"12.5" → 1250 fen; null for anything that is not a positive amount with at most the currency's decimals.</summary>
    public static long? Parse(string? text, string currency)
    {
        var decimals = Decimals(currency);
        if (string.IsNullOrWhiteSpace(text) || !decimal.TryParse(text.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var major)
            || major <= 0 || major.Scale > decimals || major > 1_000_000_000m)
        {
            return null;
        }
        return (long)(major * Pow10(decimals));
    }

    /// <summary>A time in Beijing time (the bank's day), as a customer reads it.</summary>
    public static string Time(DateTimeOffset at) => at.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static long Pow10(int decimals) => decimals == 0 ? 1 : 100;
}
