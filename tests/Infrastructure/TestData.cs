using System.Globalization;
using System.Security.Cryptography;
using Wallet.Cards;
using Wallet.Customers;

namespace Wallet.Tests.Infrastructure;

/// <summary>Fresh phone numbers and Luhn-valid card numbers, so no test meets another's data.</summary>
public static class TestData
{
    public const string Pin = "246810";
    public const string Password = "s3cret-Passw0rd!";

    public static string Phone() => "+861" + RandomNumberGenerator.GetInt32(300_000_000, 999_999_999).ToString(CultureInfo.InvariantCulture) + RandomNumberGenerator.GetInt32(0, 10);

    /// <summary>A valid debit card the simulated bank accepts, held by the applicant on the applicant's phone.</summary>
    public static string Card() => Generate(number => number[^4..] is not ("0002" or "0003" or "0004" or "0005"));

    /// <summary>A valid card ending in 0002, which the simulated bank declines.</summary>
    public static string DecliningCard() => CardEndingIn("0002");

    /// <summary>A valid card with the ending the simulated bank treats specially (0003 other phone, 0004 other holder, 0005 credit card).</summary>
    public static string CardEndingIn(string ending) => Generate(number => number.EndsWith(ending, StringComparison.Ordinal), tail: ending[..^1]);

    /// <summary>A valid resident identity number the simulated identity service confirms (sequence never 999).</summary>
    private static long s_idNumbers = RandomNumberGenerator.GetInt32(0, 1_000_000);

    public static string IdNumber()
    {
        // Each one new in this test run: drawn at random, 1,500 customers verified in one cluster met a number already taken
        // about one run in twelve (a number is verified on one account only). Sequence codes stay below 999 (the simulated
        // identity service refuses those).
        var next = Interlocked.Increment(ref s_idNumbers) % (40L * 365 * 999);
        var born = new DateOnly(1960, 1, 1).AddDays((int)(next / 999));
        var body = "110105" + born.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + (next % 999).ToString("D3", CultureInfo.InvariantCulture);
        return "0123456789X".Select(c => body + c).Single(IdNumbers.IsValid);
    }

    private static string Generate(Func<string, bool> wanted, string tail = "")
    {
        while (true)
        {
            var body = "622202" + Digits(12 - tail.Length) + tail;
            var number = Enumerable.Range(0, 10).Select(d => body + d).Single(CardNumbers.IsValid);
            if (wanted(number))
            {
                return number;
            }
        }
    }

    private static string Digits(int count)
        => string.Concat(Enumerable.Range(0, count).Select(_ => RandomNumberGenerator.GetInt32(0, 10).ToString(CultureInfo.InvariantCulture)));
}
