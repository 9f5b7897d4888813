using PdfSharp.Drawing;
using Wallet.Money;
using Wallet.Statements;

namespace Wallet.ClientApi.Statements;

/// <summary>An electronic receipt as the bank prints it: one A4 page, the amount large, the two parties, the facts in a table.</summary>
public static class ReceiptPdf
{
    public static byte[] Render(ReceiptResponse receipt, EntryReceipt source)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(source.TimeZone);
        using var pdf = new PdfPages($"电子回单 Receipt {receipt.ReceiptNumber}", receipt.CreatedAt);
        pdf.Text(PdfPages.Margin, "电子回单  Electronic receipt", 16, bold: true);
        pdf.Y += 26;
        pdf.Text(PdfPages.Margin, "Wallet.Orleans", 9, brush: XBrushes.Gray);
        pdf.Y += 24;
        pdf.Shade(50);
        pdf.Y += 8;
        pdf.Text(PdfPages.Margin + 10, "金额 Amount", 9);
        pdf.Y += 14;
        pdf.Text(PdfPages.Margin + 10, $"{receipt.Currency} {Amounts.Grouped(receipt.Amount, receipt.Currency)}", 16, bold: true);
        pdf.Y += 40;
        (string Label, string? Value)[] rows =
        [
            ("回单编号 Receipt number", receipt.ReceiptNumber),
            ("交易编号 Movement", receipt.MovementId),
            ("交易类型 Kind", DocumentLabels.Of(receipt.Kind)),
            ("状态 Status", "交易成功 Completed"),
            ("交易时间 Time", $"{StatementCsv.LocalTime(receipt.CreatedAt, zone)} ({source.TimeZone})"),
            ("付款方 Payer", Party(receipt.Payer)),
            ("收款方 Payee", Party(receipt.Payee)),
            ("附言 Memo", receipt.Memo),
            ("分类 Category", DocumentLabels.Of(receipt.Category)),
        ];
        foreach (var (label, value) in rows)
        {
            pdf.Text(PdfPages.Margin, label, 9, bold: true, width: 150);
            pdf.Text(PdfPages.Margin + 155, value ?? "—", 9);
            pdf.Y += 16;
            pdf.Rule(0.25);
            pdf.Y += 4;
        }
        return pdf.Finish("Wallet.Orleans · 本回单仅证明该笔交易已完成 This receipt shows only that the movement completed");
    }

    private static string Party(ReceiptParty party) => string.Join("  ", new[] { party.Name, party.Account }.Where(p => p is not null));
}
