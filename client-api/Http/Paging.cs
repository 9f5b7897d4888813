using System.Globalization;
using System.Text;

namespace Wallet.ClientApi.Http;

/// <summary>Page size and opaque cursors. A cursor wraps a position; clients must not read into it.</summary>
public static class Paging
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;

    public static int? ParseLimit(string? limit)
        => limit is null ? DefaultLimit
            : int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= MaxLimit ? n : null;

    /// <summary>A cursor over a position that is itself text (a grain's own continuation).</summary>
    public static string TextCursor(string position) => Encode("t:" + position);

    /// <summary>The text position a cursor stands for; false when it is not one of ours.</summary>
    public static bool TryReadTextCursor(string? cursor, out string? position)
    {
        position = null;
        if (cursor is null)
        {
            return true;
        }
        if (Decode(cursor) is { } text && text.StartsWith("t:", StringComparison.Ordinal))
        {
            position = text[2..];
            return true;
        }
        return false;
    }

    private static string Encode(string text)
        => Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string? Decode(string cursor)
    {
        try
        {
            var padded = cursor.Replace('-', '+').Replace('_', '/');
            padded += new string('=', (4 - padded.Length % 4) % 4);
            return Encoding.UTF8.GetString(Convert.FromBase64String(padded));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    public static string Cursor(long position) => Encode("p:" + position.ToString(CultureInfo.InvariantCulture));

    /// <summary>The position a cursor stands for; false when it is not one of ours.</summary>
    public static bool TryReadCursor(string? cursor, out long? position)
    {
        position = null;
        if (cursor is null)
        {
            return true;
        }
        if (Decode(cursor) is { } text && text.StartsWith("p:", StringComparison.Ordinal)
            && long.TryParse(text.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out var p))
        {
            position = p;
            return true;
        }
        return false;
    }
}
