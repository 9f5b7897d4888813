using System.Globalization;
using Wallet.Limits;
using Wallet.Utilities;

namespace Wallet.Simulators;

/// <summary>
/// The billing companies for the embedded mode and the tests. Stateless, so every silo answers alike: a postpaid
/// account's bill is issued on the 15th of each month (Asia/Shanghai) for ¥10.00–¥499.99 and falls due 10 to 24
/// days later, both worked out from the biller, the account and the month. The account number (before its check
/// digit, where the biller has one) says how the company behaves: ending 0000 nothing is owed; 9001 the company
/// refuses payments; 9002 it never answers; 9003 it does not answer at once and confirms an hour later; 9004 it
/// answers after 3 seconds. Every other account is paid at once.
/// </summary>
public sealed class SimulatedBillingCompany(LimitSchedule calendar) : IBillingCompany
{
    public const string NothingOwed = "0000";
    public const string Refuses = "9001";
    public const string Silent = "9002";
    public const string ConfirmsLate = "9003";
    public const string Slow = "9004";

    /// <summary>How long after the payment a company that confirms late does.</summary>
    public static readonly TimeSpan LateBy = TimeSpan.FromHours(1);

    public static readonly TimeSpan SlowBy = TimeSpan.FromSeconds(3);

    public Task<UtilityBill?> CurrentBill(BillerProfile biller, string account, DateTimeOffset now)
    {
        if (biller.Mode != BillingMode.Postpaid || Behaves(biller, account, NothingOwed))
        {
            return Task.FromResult<UtilityBill?>(null);
        }
        var today = calendar.DayOf(now);
        var issued = new DateOnly(today.Year, today.Month, 15);
        issued = today < issued ? issued.AddMonths(-1) : issued;
        var period = issued.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var hash = Ledger.StableHash.Of($"{biller.BillerId}|{account}|{period}");
        var amount = Math.Clamp(1_000 + hash % 49_000, biller.MinAmount, biller.MaxAmount);
        return Task.FromResult<UtilityBill?>(new UtilityBill($"SIM{period.Replace("-", "", StringComparison.Ordinal)}{hash % 100_000_000:D8}", period, amount,
            biller.Currency, issued, issued.AddDays(10 + (int)(hash % 15))));
    }

    public async Task<BillerAnswer> Pay(BillerProfile biller, string account, long amount, string? billRef, string paymentId, DateTimeOffset now, CancellationToken cancellation)
    {
        if (Behaves(biller, account, Refuses))
        {
            return new BillerAnswer(BillerOutcome.Refused, Reason: "The account is closed at the biller.");
        }
        var wait = Behaves(biller, account, Silent) || Behaves(biller, account, ConfirmsLate) ? Timeout.InfiniteTimeSpan
            : Behaves(biller, account, Slow) ? SlowBy : TimeSpan.Zero;
        try
        {
            await Task.Delay(wait, cancellation);
        }
        catch (OperationCanceledException)
        {
            return BillerAnswer.Silent;
        }
        return Accepted(paymentId);
    }

    public Task<BillerAnswer> Status(BillerProfile biller, string account, string paymentId, DateTimeOffset sentAt, DateTimeOffset now)
        => Task.FromResult(
            Behaves(biller, account, Refuses) ? new BillerAnswer(BillerOutcome.Refused, Reason: "The account is closed at the biller.")
            : Behaves(biller, account, Silent) || (Behaves(biller, account, ConfirmsLate) && now < sentAt + LateBy) ? BillerAnswer.Silent
            : Accepted(paymentId));

    private static BillerAnswer Accepted(string paymentId) => new(BillerOutcome.Accepted, $"SIMREF{Ledger.StableHash.Of(paymentId):D10}");

    private static bool Behaves(BillerProfile biller, string account, string ending)
        => (biller.AccountRule.LuhnCheckDigit ? account[..^1] : account).EndsWith(ending, StringComparison.Ordinal);
}
