using System.ComponentModel;
using System.Globalization;
using System.Text;

namespace Wallet.ClientApi.Http;

/// <summary>Page size and opaque cursors. A cursor wraps a position; clients must not read into it.</summary>
public static class Paging
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;

    /// <summary>
    /// The size and start of the page a list is asked for, checked here once for every list: a list over numbered
    /// positions (a statement's sequence). Beside the request's other mistakes, so one problem still names them all.
    /// </summary>
    public static FieldErrors Page(this FieldErrors errors, PageRequest page, out int size, out long? before)
    {
        size = ParseLimit(page.Limit) ?? 0;
        return errors.Check(size > 0, "limit", $"Use 1 to {MaxLimit}.")
            .Check(TryReadCursor(page.Cursor, out before), "cursor", CursorNotOurs);
    }

    /// <summary>The same for a list whose position is text (a grain's own continuation).</summary>
    public static FieldErrors TextPage(this FieldErrors errors, PageRequest page, out int size, out string? after)
    {
        size = ParseLimit(page.Limit) ?? 0;
        return errors.Check(size > 0, "limit", $"Use 1 to {MaxLimit}.")
            .Check(TryReadTextCursor(page.Cursor, out after), "cursor", CursorNotOurs);
    }

    private const string CursorNotOurs = "This cursor did not come from this list.";

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

/// <summary>
/// The page a list is asked for, one query parameter set for every paged route (<c>[AsParameters]</c>). Both stay
/// text on the wire, as they always were: a bad value is answered with the list's own 400, not the framework's.
/// The descriptions are attributes because the OpenAPI generator reads a handler's <c>param</c> tags, not the
/// doc comments of an <c>[AsParameters]</c> type's properties.
/// </summary>
public sealed class PageRequest
{
    [FromQuery(Name = "limit")]
    [Description("How many items a page holds, 1 to 100; 20 when left out.")]
    public string? Limit { get; init; }

    [FromQuery(Name = "cursor")]
    [Description("The `nextCursor` of the previous page; left out for the first page.")]
    public string? Cursor { get; init; }
}
