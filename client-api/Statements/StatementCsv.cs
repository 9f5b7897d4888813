using System.Globalization;
using System.Text;
using Wallet.ClientApi.Wallets;
using Wallet.Display;
using Wallet.Money;
using Wallet.Statements;

namespace Wallet.ClientApi.Statements;

/// <summary>
/// A statement as CSV (RFC 4180): a header row, then one row per line with the same columns: the opening balance, each
/// entry oldest first, the totals (<c>total_in</c> and <c>total_out</c> rows, one per category that had any with its
/// <c>category</c> set, then the month's with it empty), the closing balance (the <c>line</c> column says which). UTF-8
/// with a byte-order mark, so a spreadsheet opens Chinese names and memos as written; CRLF line ends; a field quoted when
/// it holds a comma, a quote or a line break, its quotes doubled. Amounts are decimal in the currency's major unit,
/// signed (out is negative), and times are the bank's local time (Asia/Shanghai), as a person reading it expects.
/// </summary>
public static class StatementCsv
{
    public const string MediaType = "text/csv";
    public const string ContentType = MediaType + "; charset=utf-8";

    private static readonly string[] s_header =
        ["line", "entry_id", "time", "kind", "category", "counterparty", "memo", "amount", "balance", "currency", "movement_id"];

    public static byte[] Render(MonthlyStatement statement)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(statement.TimeZone);
        var text = new StringBuilder();
        Row(text, s_header);
        Row(text, ["opening", "", "", "", "", "", "", "", Amounts.Plain(statement.OpeningBalance, statement.Currency), statement.Currency, ""]);
        foreach (var line in statement.Lines)
        {
            var signed = line.Direction == Wallet.Wallets.EntryDirection.In ? line.Amount : -line.Amount;
            Row(text, [
                "entry", EntryIds.Of(statement.WalletId, line.Sequence), LocalTime(line.CreatedAt, zone), EnumNames.Of(line.Kind), EnumNames.Of(line.Category),
                line.CounterpartyName ?? "", line.Memo ?? "", Amounts.Plain(signed, statement.Currency),
                Amounts.Plain(line.BalanceAfter, statement.Currency), statement.Currency, line.MovementId]);
        }
        foreach (var total in statement.ByCategory)
        {
            Totals(text, statement, EnumNames.Of(total.Category), total.In, total.Out);
        }
        Totals(text, statement, "", statement.TotalIn, statement.TotalOut);
        Row(text, ["closing", "", "", "", "", "", "", "", Amounts.Plain(statement.ClosingBalance, statement.Currency), statement.Currency, ""]);
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    /// <summary>What came in and went out, signed as the entries are (out negative); a direction with nothing is left out.</summary>
    private static void Totals(StringBuilder text, MonthlyStatement statement, string category, long totalIn, long totalOut)
    {
        if (totalIn > 0)
        {
            Row(text, ["total_in", "", "", "", category, "", "", Amounts.Plain(totalIn, statement.Currency), "", statement.Currency, ""]);
        }
        if (totalOut > 0)
        {
            Row(text, ["total_out", "", "", "", category, "", "", Amounts.Plain(-totalOut, statement.Currency), "", statement.Currency, ""]);
        }
    }

    public static string LocalTime(DateTimeOffset at, TimeZoneInfo zone)
        => TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private static void Row(StringBuilder text, IReadOnlyList<string> fields)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0)
            {
                text.Append(',');
            }
            text.Append(Field(fields[i]));
        }
        text.Append("\r\n");
    }

    private static string Field(string value)
    {
        var guarded = Guarded(value);
        return guarded.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{guarded.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : guarded;
    }

    /// <summary>
    /// A field a spreadsheet would run as a formula (=, +, -, @ first) gets a leading apostrophe (OWASP's advice on CSV
    /// injection): a memo is written by the payer, not the bank. An amount, which starts with a minus, is ours and left.
    /// </summary>
    private static string Guarded(string value)
        => value.Length > 0 && value[0] is '=' or '+' or '@' or '\t' || (value.Length > 1 && value[0] == '-' && !char.IsAsciiDigit(value[1]))
            ? "'" + value : value;
}
