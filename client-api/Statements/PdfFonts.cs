using PdfSharp.Fonts;

namespace Wallet.ClientApi.Statements;

/// <summary>
/// Where the fonts of the bank's PDFs are (<c>Wallet:Documents</c>): a Latin font for letters, digits and signs, and a
/// CJK one for Chinese, both TrueType from Debian's packages (<c>fonts-dejavu-core</c>, <c>fonts-droid-fallback</c>;
/// the test script and the image install them). PDFsharp embeds the glyphs used, so a reader needs no font.
/// </summary>
public sealed class DocumentOptions
{
    public const string Section = "Wallet:Documents";

    public string LatinFont { get; set; } = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

    public string CjkFont { get; set; } = "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf";

    /// <summary>The font files that are not there (a PDF cannot be drawn without them).</summary>
    public IEnumerable<string> Missing() => new[] { LatinFont, CjkFont }.Where(path => !File.Exists(path));
}

/// <summary>
/// PDFsharp's font resolver for the two families the documents use. PDFsharp takes one resolver per process, set before
/// the first font is made, so the first host to draw a PDF installs it with its paths; bold is simulated.
/// </summary>
public sealed class PdfFonts : IFontResolver
{
    public const string Latin = "WalletLatin";
    public const string Cjk = "WalletCjk";

    private static readonly Lock s_gate = new();
    private static PdfFonts? s_installed;
    private readonly Dictionary<string, byte[]> _faces;

    private PdfFonts(DocumentOptions options) => _faces = new()
    {
        [Latin] = File.ReadAllBytes(options.LatinFont),
        [Cjk] = File.ReadAllBytes(options.CjkFont),
    };

    /// <summary>Installs the resolver once; false (nothing may be drawn) while this host's font files are missing.</summary>
    public static bool Install(DocumentOptions options)
    {
        if (options.Missing().Any())
        {
            return false;
        }
        lock (s_gate)
        {
            if (s_installed is null)
            {
                GlobalFontSettings.FontResolver = s_installed = new PdfFonts(options);
            }
            return true;
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic)
        => _faces.ContainsKey(familyName) ? new FontResolverInfo(familyName, bold, italic) : null;

    public byte[]? GetFont(string faceName) => _faces.GetValueOrDefault(faceName);

    /// <summary>Which family draws <paramref name="c"/>: the CJK font from the CJK radicals (U+2E80) up, the Latin one below.</summary>
    public static string FamilyOf(char c) => c >= '\u2E80' ? Cjk : Latin;
}
