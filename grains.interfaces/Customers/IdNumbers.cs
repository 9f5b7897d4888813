using System.Globalization;

namespace Wallet.Customers;

/// <summary>
/// The 18-character resident identity number (GB 11643-1999): a 6-digit region (first digit 1-8),
/// the birth date yyyyMMdd, a 3-digit sequence, and a check character: Σ digit·weight mod 11 mapped
/// through "10X98765432".
/// </summary>
public static class IdNumbers
{
    private static readonly int[] s_weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    public static bool IsValid(string? idNumber)
    {
        if (idNumber is not { Length: 18 } || idNumber[0] is < '1' or > '8' || !idNumber[..17].All(char.IsAsciiDigit))
        {
            return false;
        }
        if (!DateOnly.TryParseExact(idNumber[6..14], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var born)
            || born.Year < 1900)
        {
            return false;
        }
        return char.ToUpperInvariant(idNumber[17]) == CheckCharacterFor(idNumber[..17]);
    }

    /// <summary>The check character for 17 leading digits.</summary>
    private static char CheckCharacterFor(string seventeenDigits)
        => CheckCharacters[seventeenDigits.Select((d, i) => (d - '0') * s_weights[i]).Sum() % 11];

    /// <summary>What may be shown: the first and last characters only.</summary>
    public static string Mask(string idNumber) => $"{idNumber[0]}{new string('*', 16)}{idNumber[^1]}";

    public static DateOnly BirthDate(string idNumber)
        => DateOnly.ParseExact(idNumber[6..14], "yyyyMMdd", CultureInfo.InvariantCulture);
}
