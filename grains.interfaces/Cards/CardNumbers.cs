namespace Wallet.Cards;

/// <summary>Card-number rules: digits only, 12 to 19 long, Luhn check digit; shown as first 6 and last 4.</summary>
public static class CardNumbers
{
    public static bool IsValid(string? number)
    {
        if (number is null || number.Length is < 12 or > 19 || !number.All(char.IsAsciiDigit))
        {
            return false;
        }
        return Identity.Luhn.IsValid(number);
    }

    public static string Mask(string number)
        => number.Length < 10 ? new string('*', number.Length) : number[..6] + new string('*', number.Length - 10) + number[^4..];
}
