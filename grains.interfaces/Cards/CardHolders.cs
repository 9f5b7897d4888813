namespace Wallet.Cards;

/// <summary>Whether two spellings name the same cardholder: case, surrounding and repeated spaces aside.</summary>
public static class CardHolders
{
    public static bool SameName(string? a, string? b) => a is not null && b is not null && string.Equals(Normal(a), Normal(b), StringComparison.OrdinalIgnoreCase);

    private static string Normal(string name) => string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
