using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Wallet.ClientApi.Statements;

/// <summary>
/// A small layout for the bank's A4 documents: text drawn in runs of the Latin and the CJK font (neither has the
/// other's glyphs), cut with an ellipsis to its column, lines placed top-down with a new page (and its table head
/// again) when one is full, and every page's footer drawn at the end when the page count is known.
/// </summary>
public sealed class PdfPages : IDisposable
{
    public const double Margin = 40;
    private const double FooterHeight = 30;
    private static readonly XPdfFontOptions s_unicode = new(PdfSharp.Pdf.PdfFontEncoding.Unicode);
    private readonly PdfDocument _document = new();
    private readonly Dictionary<(string, double, bool), XFont> _fonts = [];
    private XGraphics? _page;

    public PdfPages(string title, DateTimeOffset produced)
    {
        _document.Info.Title = title;
        _document.Info.Creator = "Wallet.Orleans";
        _document.Info.CreationDate = produced.UtcDateTime;
        _document.Info.ModificationDate = produced.UtcDateTime;
        NewPage();
    }

    /// <summary>Called on each new page after the first, to draw a table's head again.</summary>
    public Action<PdfPages>? OnNewPage { get; set; }

    public double Y { get; set; }

    public double Width => Page.PageSize.Width - 2 * Margin;

    private XGraphics Page => _page!;

    /// <summary>Makes room for <paramref name="height"/> more, starting a page when this one has not.</summary>
    public void Need(double height)
    {
        if (Y + height > Page.PageSize.Height - Margin - FooterHeight)
        {
            NewPage();
            OnNewPage?.Invoke(this);
        }
    }

    /// <summary>Draws <paramref name="text"/> at column <paramref name="x"/>, cut to <paramref name="width"/>; right-aligned when asked (amounts).</summary>
    public void Text(double x, string text, double size = 9, bool bold = false, double? width = null, bool right = false, XBrush? brush = null)
    {
        var fitted = Fit(text, size, bold, width ?? Width - (x - Margin));
        var start = right ? x + (width ?? 0) - Measure(fitted, size, bold) : x;
        foreach (var (run, family) in Runs(fitted))
        {
            var font = Font(family, size, bold);
            Page.DrawString(run, font, brush ?? XBrushes.Black, start, Y + size, XStringFormats.BaseLineLeft);
            start += Page.MeasureString(run, font).Width;
        }
    }

    public void Rule(double thickness = 0.5) => Page.DrawLine(new XPen(XColors.Gray, thickness), Margin, Y, Margin + Width, Y);

    public void Shade(double height) => Page.DrawRectangle(new XSolidBrush(XColor.FromArgb(240, 243, 247)), Margin, Y, Width, height);

    /// <summary>The document, every page footed with <paramref name="footer"/> and its number ("1 / 3").</summary>
    public byte[] Finish(string footer)
    {
        _page?.Dispose();
        _page = null;
        for (var i = 0; i < _document.PageCount; i++)
        {
            _page = XGraphics.FromPdfPage(_document.Pages[i], XGraphicsPdfPageOptions.Append);
            Y = Page.PageSize.Height - Margin - 12;
            Text(Margin, footer, 7, brush: XBrushes.Gray, width: Width - 60);
            Text(Margin, $"{i + 1} / {_document.PageCount}", 7, width: Width, right: true, brush: XBrushes.Gray);
            _page.Dispose();
            _page = null;
        }
        using var stream = new MemoryStream();
        _document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    public void Dispose()
    {
        _page?.Dispose();
        _document.Dispose();
    }

    private void NewPage()
    {
        _page?.Dispose();
        var page = _document.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        _page = XGraphics.FromPdfPage(page);
        Y = Margin;
    }

    private XFont Font(string family, double size, bool bold)
    {
        if (!_fonts.TryGetValue((family, size, bold), out var font))
        {
            _fonts[(family, size, bold)] = font = new XFont(family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, s_unicode);
        }
        return font;
    }

    private double Measure(string text, double size, bool bold)
        => Runs(text).Sum(r => Page.MeasureString(r.Text, Font(r.Family, size, bold)).Width);

    private string Fit(string text, double size, bool bold, double width)
    {
        text = text.ReplaceLineEndings(" ");
        if (Measure(text, size, bold) <= width)
        {
            return text;
        }
        var cut = text.Length;
        while (cut > 0 && Measure(text[..cut] + "…", size, bold) > width)
        {
            cut--;
        }
        return text[..cut] + "…";
    }

    private static IEnumerable<(string Text, string Family)> Runs(string text)
    {
        var start = 0;
        for (var i = 1; i <= text.Length; i++)
        {
            if (i == text.Length || PdfFonts.FamilyOf(text[i]) != PdfFonts.FamilyOf(text[start]))
            {
                yield return (text[start..i], PdfFonts.FamilyOf(text[start]));
                start = i;
            }
        }
    }
}
