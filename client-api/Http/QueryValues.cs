using System.Globalization;

namespace Wallet.ClientApi.Http;

/// <summary>
/// A query string's values read as the API writes them: each parse answers the value (null when the parameter was
/// left out) and whether it could be read, so a bad one becomes a 400 naming its field.
/// </summary>
public static class QueryValues
{
    public static DateTimeOffset? Time(string? text, out bool ok)
    {
        ok = text is null || DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
        return ok && text is not null ? DateTimeOffset.Parse(text, CultureInfo.InvariantCulture) : null;
    }

    /// <summary>A calendar day, <c>yyyy-MM-dd</c>.</summary>
    public static DateOnly? Day(string? text, out bool ok)
    {
        ok = text is null || DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
        return ok && text is not null ? DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null;
    }

    /// <summary>An amount in minor units: digits only, 0 or more.</summary>
    public static long? Amount(string? text, out bool ok)
    {
        ok = text is null || long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out _);
        return ok && text is not null ? long.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture) : null;
    }

    /// <summary>One of an enum's values by its snake_case name, as responses write it.</summary>
    public static TEnum? Named<TEnum>(string? text, out bool ok) where TEnum : struct, Enum
    {
        ok = text is null || SnakeCaseNames<TEnum>.Values.ContainsKey(text);
        return text is not null && SnakeCaseNames<TEnum>.Values.TryGetValue(text, out var value) ? value : null;
    }

    /// <summary>The names a value of <typeparamref name="TEnum"/> may be given by, for a problem's message.</summary>
    public static string NamesOf<TEnum>() where TEnum : struct, Enum => string.Join(", ", SnakeCaseNames<TEnum>.Values.Keys);

    private static class SnakeCaseNames<TEnum> where TEnum : struct, Enum
    {
        public static readonly Dictionary<string, TEnum> Values
            = Enum.GetValues<TEnum>().ToDictionary(v => Display.EnumNames.Of(v), StringComparer.Ordinal);
    }
}
