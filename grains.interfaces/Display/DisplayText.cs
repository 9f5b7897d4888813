using System.Buffers;
using System.Globalization;
using System.Text;

namespace Wallet.Display;

/// <summary>
/// Text that other people will read — merchant names and cities, campaign names, memos, card holders,
/// operators' notes, webhook URLs. It may be in any script, but it may not hold characters that are
/// not seen or that disguise the text around them: controls (Cc), format characters (Cf: the bidi
/// embeddings, overrides and isolates U+202A–U+202E and U+2066–U+2069, zero-width U+200B–U+200D,
/// U+2060, U+FEFF, …), line and paragraph separators, private-use characters (any font may draw them
/// as anything) and halves of surrogate pairs. One rule, checked where the request enters and, where
/// a grain keeps the text, by the grain too.
/// </summary>
public static class DisplayText
{
    public const string Refused = "Use letters, digits, punctuation and spaces only: no control, invisible or direction-changing characters.";

    /// <summary>Whether every character of <paramref name="text"/> can be shown as it is.</summary>
    public static bool IsSafe(string text)
    {
        for (var at = 0; at < text.Length;)
        {
            if (Rune.DecodeFromUtf16(text.AsSpan(at), out var rune, out var used) != OperationStatus.Done || IsRefused(Rune.GetUnicodeCategory(rune)))
            {
                return false;
            }
            at += used;
        }
        return true;
    }

    /// <summary>Its length in characters (Unicode scalar values, as EMVCo counts a QR field), not UTF-16 units.</summary>
    public static int Length(string text)
    {
        var count = 0;
        foreach (var _ in text.EnumerateRunes())
        {
            count++;
        }
        return count;
    }

    /// <summary>Safe, and 1 to <paramref name="maxLength"/> characters.</summary>
    public static bool IsValid(string? text, int maxLength)
        => text is not null && IsSafe(text) && Length(text) >= 1 && Length(text) <= maxLength;

    /// <summary>EMVCo's common character set ("ans"): printable ASCII, U+0020 to U+007E.</summary>
    public static bool IsCommonCharacterSet(string text) => text.All(c => c is >= ' ' and <= '~');

    private static bool IsRefused(UnicodeCategory category) => category is UnicodeCategory.Control or UnicodeCategory.Format
        or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;
}
