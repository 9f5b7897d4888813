namespace Wallet.Statements;

/// <summary>
/// How a statement or a receipt shows someone other than its reader: enough to recognise, not enough to learn. A name
/// keeps its first character (and its last when it has three or more): 张三 → 张*, 欧阳娜娜 → 欧**娜; a phone its
/// first three and last four digits; an id its prefix and last four characters.
/// </summary>
public static class NameMasks
{
    public static string Name(string name)
    {
        var letters = System.Globalization.StringInfo.ParseCombiningCharacters(name.Trim());
        var text = name.Trim();
        string Letter(int i) => System.Globalization.StringInfo.GetNextTextElement(text, letters[i]);
        return letters.Length switch
        {
            0 => "",
            1 => "*",
            2 => Letter(0) + "*",
            _ => Letter(0) + new string('*', letters.Length - 2) + Letter(letters.Length - 1),
        };
    }

    public static string Phone(string phone) => phone.Length <= 7 ? new string('*', phone.Length) : $"{phone[..(phone.Length - 8)]}****{phone[^4..]}";

    /// <summary>An id such as <c>wal_…</c>: its prefix and its last four characters (<c>wal_…9f3a</c>).</summary>
    public static string Id(string id)
    {
        var underscore = id.IndexOf('_', StringComparison.Ordinal);
        return underscore < 0 || id.Length - underscore <= 5 ? id : $"{id[..(underscore + 1)]}…{id[^4..]}";
    }
}
