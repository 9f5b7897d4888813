using System.Text.RegularExpressions;
using Wallet.Cards;
using Wallet.Customers;

namespace Wallet.Bench.Targets;

/// <summary>
/// How every cluster target lays out its customers: ten wallets each, phone and card derived from the
/// customer's number, set up 32 at a time; and how it audits them once traffic has stopped.
/// </summary>
public static partial class BenchCustomers
{
    public const string Password = "bench password";
    public const string Pin = "246810";
    public const string Holder = "Bench Customer";
    private const int WalletsPerCustomer = 10;

    public static string Phone(int customer) => $"+8613{customer:D9}";

    /// <summary>A Luhn-valid card; the '1' before the check digit keeps it clear of the simulated bank's declining "…0002".</summary>
    public static string CardNumber(int customer)
        => Enumerable.Range(0, 10).Select(d => $"622202{customer:D11}1{d}").Single(CardNumbers.IsValid);

    /// <summary>
    /// A valid identity number of its own for each customer (born a day apart), so every bench customer
    /// can be verified and then raised to tier 1: traffic at this rate would meet any lower tier's limits.
    /// </summary>
    public static string IdNumber(int customer)
    {
        var body = "110105" + new DateOnly(1960, 1, 1).AddDays(customer).ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture) + "123";
        return "0123456789X".Select(c => body + c).Single(IdNumbers.IsValid);
    }

    public const string InPersonReason = "bench customer, verified in person";

    /// <summary>The six-digit code in the newest simulated SMS.</summary>
    public static string CodeIn(string sms) => SixDigits().Match(sms).Value;

    /// <summary>
    /// Runs <paramref name="open"/> for each customer with the wallet numbers it owns, 8 at a time: set-up
    /// is two slow hashes per customer, so more at once only queues them (32 timed out client calls on 2 silos).
    /// </summary>
    public static async Task ForEach(int wallets, Action<string> progress, Func<int, Range, Task> open)
    {
        var customers = (wallets + WalletsPerCustomer - 1) / WalletsPerCustomer;
        var done = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, customers), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (c, _) =>
        {
            await open(c, (c * WalletsPerCustomer)..Math.Min(wallets, (c + 1) * WalletsPerCustomer));
            if (Interlocked.Increment(ref done) % 100 == 0)
            {
                progress($"{done}/{customers} customers funded");
            }
        });
    }

    /// <summary>Every wallet's balance read once, 64 at a time: the total and how many are negative.</summary>
    public static async Task<(long Total, int Negative)> SumBalances(int wallets, Func<int, Task<long>> balance)
    {
        long total = 0;
        var negative = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, wallets), new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (w, _) =>
        {
            var amount = await balance(w);
            Interlocked.Add(ref total, amount);
            if (amount < 0)
            {
                Interlocked.Increment(ref negative);
            }
        });
        return (total, negative);
    }

    [GeneratedRegex(@"\b\d{6}\b")]
    private static partial Regex SixDigits();
}
