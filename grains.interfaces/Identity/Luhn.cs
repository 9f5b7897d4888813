namespace Wallet.Identity;

/// <summary>The Luhn (mod 10) check digit that card numbers and some billers' account numbers end in.</summary>
public static class Luhn
{
    /// <summary>Whether <paramref name="digits"/> (digits only) ends in its check digit.</summary>
    public static bool IsValid(string digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var c = digits[digits.Length - 1 - i];
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
            var digit = c - '0';
            if (i % 2 == 1)
            {
                digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }
}
