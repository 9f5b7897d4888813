using System.Globalization;
using System.Security.Cryptography;
using Wallet.Cards;

namespace Wallet.Tests.Infrastructure;

/// <summary>Fresh phone numbers and Luhn-valid card numbers, so no test meets another's data.</summary>
public static class TestData
{
    public const string Pin = "246810";
    public const string Password = "s3cret-Passw0rd!";

    public static string Phone() => "+861" + RandomNumberGenerator.GetInt32(300_000_000, 999_999_999).ToString(CultureInfo.InvariantCulture) + RandomNumberGenerator.GetInt32(0, 10);

    /// <summary>A valid card the simulated bank accepts.</summary>
    public static string Card() => WithCheckDigit("622202" + Digits(12), avoid: '2');

    /// <summary>A valid card ending in 0002, which the simulated bank declines.</summary>
    public static string DecliningCard()
    {
        while (true)
        {
            var number = WithCheckDigit("622202" + Digits(9) + "000", avoid: null);
            if (number.EndsWith("0002", StringComparison.Ordinal))
            {
                return number;
            }
        }
    }

    private static string Digits(int count)
        => string.Concat(Enumerable.Range(0, count).Select(_ => RandomNumberGenerator.GetInt32(0, 10).ToString(CultureInfo.InvariantCulture)));

    private static string WithCheckDigit(string body, char? avoid)
    {
        for (var digit = '0'; digit <= '9'; digit++)
        {
            var number = body + digit;
            if (CardNumbers.IsValid(number))
            {
                return digit == avoid && number.EndsWith("0002", StringComparison.Ordinal) ? WithCheckDigit("622202" + Digits(12), avoid) : number;
            }
        }
        throw new InvalidOperationException("Every body has exactly one Luhn check digit.");
    }
}
