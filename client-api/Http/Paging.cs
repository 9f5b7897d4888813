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

    public static string Cursor(long position)
        => Convert.ToBase64String(Encoding.UTF8.GetBytes("p:" + position.ToString(CultureInfo.InvariantCulture))).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The position a cursor stands for; false when it is not one of ours.</summary>
    public static bool TryReadCursor(string? cursor, out long? position)
    {
        position = null;
        if (cursor is null)
        {
            return true;
        }
        try
        {
            var padded = cursor.Replace('-', '+').Replace('_', '/');
            padded += new string('=', (4 - padded.Length % 4) % 4);
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(padded));
            if (text.StartsWith("p:", StringComparison.Ordinal) && long.TryParse(text.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out var p))
            {
                position = p;
                return true;
            }
        }
        catch (FormatException)
        {
        }
        return false;
    }
}
