using Wallet.Money;
using Wallet.Statements;
using Wallet.Wallets;

namespace Wallet.ClientApi.Statements;

/// <summary>
/// A statement as the bank prints it: A4, the holder and period at the head, the four balances in a band, what came in
/// and went out by category, then every entry (time, what and with whom, category, in, out, balance) over as many
/// pages as it takes, the table's head on each, and a footer naming the wallet, month and page.
/// </summary>
public static class StatementPdf
{
    public const string ContentType = "application/pdf";

    // The entries table's columns: x from the left margin, and width.
    private static readonly (double X, double W) s_time = (0, 78), s_what = (80, 190), s_category = (272, 75),
        s_in = (349, 52), s_out = (403, 52), s_balance = (457, 58);

    public static byte[] Render(MonthlyStatement statement)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(statement.TimeZone);
        using var pdf = new PdfPages($"钱包对账单 Wallet statement {statement.WalletId} {statement.Month}", statement.ProducedAt);
        Head(pdf, statement);
        Categories(pdf, statement);
        Entries(pdf, statement, zone);
        var status = statement.Closed ? "已结账 Closed: issued once, the same bytes every time" : "未结账 Open: provisional until the month closes";
        return pdf.Finish($"Wallet.Orleans · {statement.WalletId} · {statement.Month} · {status}");
    }

    private static void Head(PdfPages pdf, MonthlyStatement s)
    {
        pdf.Text(PdfPages.Margin, "钱包月度对账单  Monthly wallet statement", 16, bold: true);
        pdf.Y += 26;
        pdf.Text(PdfPages.Margin, "Wallet.Orleans", 9, brush: PdfSharp.Drawing.XBrushes.Gray);
        pdf.Y += 20;
        (string Label, string Value)[] facts =
        [
            ("户名 Holder", s.HolderName),
            ("钱包 Wallet", s.WalletId),
            ("账期 Period", $"{s.Month} ({s.TimeZone})"),
            ("币种 Currency", s.Currency),
            ("状态 Status", s.Closed ? "已结账 Closed" : "未结账 Open (provisional)"),
        ];
        foreach (var (label, value) in facts)
        {
            pdf.Text(PdfPages.Margin, label, 9, bold: true, width: 90);
            pdf.Text(PdfPages.Margin + 95, value, 9);
            pdf.Y += 14;
        }
        pdf.Y += 8;
        pdf.Shade(40);
        (string Label, long Amount)[] totals =
            [("期初余额 Opening", s.OpeningBalance), ("收入合计 Total in", s.TotalIn), ("支出合计 Total out", s.TotalOut), ("期末余额 Closing", s.ClosingBalance)];
        var column = pdf.Width / totals.Length;
        pdf.Y += 6;
        for (var i = 0; i < totals.Length; i++)
        {
            pdf.Text(PdfPages.Margin + i * column + 6, totals[i].Label, 8, width: column - 12);
        }
        pdf.Y += 14;
        for (var i = 0; i < totals.Length; i++)
        {
            pdf.Text(PdfPages.Margin + i * column + 6, Amounts.Grouped(totals[i].Amount, s.Currency), 11, bold: true, width: column - 12);
        }
        pdf.Y += 32;
    }

    private static void Categories(PdfPages pdf, MonthlyStatement s)
    {
        pdf.Text(PdfPages.Margin, "分类汇总 By category", 11, bold: true);
        pdf.Y += 18;
        Row(pdf, [(0, 200, "分类 Category", false), (210, 100, "收入 In", true), (320, 100, "支出 Out", true)], bold: true);
        pdf.Rule();
        pdf.Y += 3;
        foreach (var total in s.ByCategory)
        {
            pdf.Need(13);
            Row(pdf, [(0, 200, DocumentLabels.Of(total.Category), false), (210, 100, Amounts.Grouped(total.In, s.Currency), true),
                (320, 100, Amounts.Grouped(total.Out, s.Currency), true)]);
        }
        pdf.Y += 14;
    }

    private static void Entries(PdfPages pdf, MonthlyStatement s, TimeZoneInfo zone)
    {
        pdf.Need(40);
        pdf.Text(PdfPages.Margin, "交易明细 Entries", 11, bold: true);
        pdf.Y += 18;
        EntriesHead(pdf);
        pdf.OnNewPage = EntriesHead;
        if (s.Lines.Count == 0)
        {
            pdf.Text(PdfPages.Margin, "本月无交易 No entries this month", 8);
            pdf.Y += 13;
        }
        foreach (var line in s.Lines)
        {
            pdf.Need(13);
            var what = string.Join(" · ", new[] { DocumentLabels.Of(line.Kind), line.CounterpartyName, line.Memo }.Where(t => !string.IsNullOrEmpty(t)));
            var amount = Amounts.Grouped(line.Amount, s.Currency);
            Row(pdf, [
                (s_time.X, s_time.W, StatementCsv.LocalTime(line.CreatedAt, zone)[..16], false),
                (s_what.X, s_what.W, what, false),
                (s_category.X, s_category.W, DocumentLabels.Of(line.Category), false),
                (s_in.X, s_in.W, line.Direction == EntryDirection.In ? amount : "", true),
                (s_out.X, s_out.W, line.Direction == EntryDirection.Out ? amount : "", true),
                (s_balance.X, s_balance.W, Amounts.Grouped(line.BalanceAfter, s.Currency), true)], size: 7.5);
        }
        pdf.OnNewPage = null;
    }

    private static void EntriesHead(PdfPages pdf)
    {
        Row(pdf, [
            (s_time.X, s_time.W, "时间 Time", false), (s_what.X, s_what.W, "摘要 Description", false), (s_category.X, s_category.W, "分类 Category", false),
            (s_in.X, s_in.W, "收入 In", true), (s_out.X, s_out.W, "支出 Out", true), (s_balance.X, s_balance.W, "余额 Balance", true)], bold: true, size: 7.5);
        pdf.Rule();
        pdf.Y += 3;
    }

    private static void Row(PdfPages pdf, IReadOnlyList<(double X, double W, string Text, bool Right)> cells, bool bold = false, double size = 8.5)
    {
        foreach (var (x, w, text, right) in cells)
        {
            pdf.Text(PdfPages.Margin + x, text, size, bold, w, right);
        }
        pdf.Y += size + 5;
    }
}
