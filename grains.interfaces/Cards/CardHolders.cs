using System.Text;

namespace Wallet.Cards;

/// <summary>
/// Whether two spellings name the same cardholder: surrounding and repeated whitespace (an ideographic
/// space too) and full-width forms aside, and Latin letters whatever their case.
/// </summary>
public static class CardHolders
{
    public static bool SameName(string? a, string? b) => a is not null && b is not null && string.Equals(Normal(a), Normal(b), StringComparison.OrdinalIgnoreCase);

    private static string Normal(string name)
        => string.Join(' ', name.Normalize(NormalizationForm.FormKC).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
