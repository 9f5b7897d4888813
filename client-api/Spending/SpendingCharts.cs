using System.Globalization;
using System.Xml.Linq;
using Wallet.Bills;
using Wallet.Money;

namespace Wallet.ClientApi.Spending;

/// <summary>
/// The analysis drawn as SVG, by hand: bars and labels, nothing a browser must fetch or run. Built as XML elements,
/// so every text (a merchant's name is the merchant's own) is escaped by the writer, never pasted into markup.
/// </summary>
public static class SpendingCharts
{
    public const string MediaType = "image/svg+xml";

    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    private const int Width = 640;
    private const int Row = 28;
    private const int LabelWidth = 190;
    private const int BarWidth = 300;
    private const string Font = "font-family:system-ui,'PingFang SC','Noto Sans CJK SC',sans-serif;font-size:13px";

    /// <summary>The month by category (this month's bar over the month before's, thinner and paler) and its top merchants.</summary>
    public static string Month(SpendingMonthResponse month)
    {
        var categories = month.Categories.Where(c => c.Amount != 0 || c.PreviousAmount != 0).ToList();
        var largest = Math.Max(1, categories.Select(c => Math.Max(Math.Abs(c.Amount), Math.Abs(c.PreviousAmount))).DefaultIfEmpty(0).Max());
        var parts = new List<XElement>
        {
            Text(16, 28, $"Spending {month.Month}: {Amounts.Format(month.Total, month.Currency)}", "font-size:18px;font-weight:600"),
            Text(16, 50, $"{Change(month.Change, month.Currency)} against the month before ({Amounts.Format(month.PreviousTotal, month.Currency)})", "fill:#555"),
        };
        var y = 76;
        foreach (var category in categories)
        {
            parts.Add(Text(16, y + 15, Label(category.Category)));
            parts.Add(Bar(LabelWidth, y + 2, Scaled(category.Amount, largest), 14, "#2f6fde"));
            parts.Add(Bar(LabelWidth, y + 18, Scaled(category.PreviousAmount, largest), 5, "#b7c8ea"));
            parts.Add(Text(LabelWidth + BarWidth + 10, y + 15, Amounts.Format(category.Amount, category.Currency)));
            y += Row;
        }
        if (categories.Count == 0)
        {
            parts.Add(Text(16, y + 15, "Nothing spent this month or the month before.", "fill:#555"));
            y += Row;
        }
        if (month.TopMerchants.Count > 0)
        {
            parts.Add(Text(16, y + 24, "Top merchants", "font-weight:600"));
            y += 30;
            foreach (var merchant in month.TopMerchants)
            {
                parts.Add(Text(16, y + 15, $"{merchant.Name} · {Label(merchant.Category)}"));
                parts.Add(Text(LabelWidth + BarWidth + 10, y + 15, Amounts.Format(merchant.Amount, merchant.Currency)));
                y += Row - 6;
            }
        }
        return Document($"Spending by category, {month.Month}", y + 16, parts);
    }

    /// <summary>Twelve months' totals as columns, oldest on the left.</summary>
    public static string Trend(SpendingTrendResponse trend)
    {
        const int Top = 60;
        const int Height = 200;
        var column = (Width - 32) / Math.Max(1, trend.Months.Count);
        var largest = Math.Max(1, trend.Months.Select(m => Math.Abs(m.Total)).DefaultIfEmpty(0).Max());
        var parts = new List<XElement>
        {
            Text(16, 28, $"Spending, {trend.Months[0].Month} to {trend.Months[^1].Month} ({trend.Currency})", "font-size:18px;font-weight:600"),
        };
        for (var i = 0; i < trend.Months.Count; i++)
        {
            var month = trend.Months[i];
            var height = (int)(Math.Max(0, month.Total) * Height / largest);
            var x = 16 + (i * column);
            parts.Add(Bar(x + 4, Top + Height - height, height, column - 8, "#2f6fde", vertical: true));
            parts.Add(Text(x + (column / 2), Top + Height + 18, month.Month[2..], "font-size:11px", middle: true));
            parts.Add(Text(x + (column / 2), Top + Height - height - 6, Short(month.Total, month.Currency), "font-size:10px;fill:#555", middle: true));
        }
        return Document("Spending by month", Top + Height + 36, parts);
    }

    /// <summary>A category as the chart labels it: its name as the API writes it, and in Chinese.</summary>
    public static string Label(SpendingCategory category) => $"{Display.EnumNames.Of(category)} {SpendingCategories.Chinese(category)}";

    private static string Change(long change, string currency)
        => change switch
        {
            > 0 => $"{Amounts.Format(change, currency)} more",
            < 0 => $"{Amounts.Format(-change, currency)} less",
            _ => "The same",
        };

    /// <summary>A column's label: whole major units, so twelve fit side by side.</summary>
    private static string Short(long amount, string currency)
        => Amounts.Major(amount, currency).ToString("N0", CultureInfo.InvariantCulture);

    private static int Scaled(long amount, long largest) => (int)(Math.Max(0, amount) * BarWidth / largest);

    private static string Document(string title, int height, IEnumerable<XElement> parts)
        => new XElement(Svg + "svg",
            new XAttribute("viewBox", $"0 0 {Width} {height}"), new XAttribute("width", Width), new XAttribute("height", height),
            new XAttribute("role", "img"), new XAttribute("style", Font),
            new XElement(Svg + "title", title),
            new XElement(Svg + "rect", new XAttribute("width", "100%"), new XAttribute("height", "100%"), new XAttribute("fill", "#fff")),
            parts).ToString(SaveOptions.DisableFormatting);

    private static XElement Text(int x, int y, string text, string? style = null, bool middle = false)
        => new(Svg + "text", new XAttribute("x", x), new XAttribute("y", y),
            style is null ? null : new XAttribute("style", style),
            middle ? new XAttribute("text-anchor", "middle") : null,
            text);

    private static XElement Bar(int x, int y, int length, int thickness, string fill, bool vertical = false)
        => new(Svg + "rect", new XAttribute("x", x), new XAttribute("y", y),
            new XAttribute("width", vertical ? thickness : length), new XAttribute("height", vertical ? length : thickness),
            new XAttribute("rx", 2), new XAttribute("fill", fill));
}
