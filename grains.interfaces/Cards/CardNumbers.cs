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
        var sum = 0;
        for (var i = 0; i < number.Length; i++)
        {
            var digit = number[number.Length - 1 - i] - '0';
            if (i % 2 == 1)
            {
                digit *= 2;
                if (digit > 9)
                {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }

    public static string Mask(string number)
        => number.Length < 10 ? new string('*', number.Length) : number[..6] + new string('*', number.Length - 10) + number[^4..];
}
