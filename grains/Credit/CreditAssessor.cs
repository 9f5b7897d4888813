using Microsoft.Extensions.Options;
using Wallet.Customers;
using Wallet.Hosting;
using Wallet.Limits;
using Wallet.Risk;
using Wallet.Wallets;

namespace Wallet.Credit;

/// <summary>Gathers what the bank knows of a customer (profile, how long they have held a wallet, its last 90 days, the risk monitor, the credit file) and has the scoring model decide.</summary>
public sealed class CreditAssessor(IGrainFactory grains, LimitSchedule days, [FromKeyedServices(WalletClock.Key)] TimeProvider clock, IOptions<CreditOptions> options)
{
    private static readonly TimeSpan s_history = TimeSpan.FromDays(90);

    /// <summary>The decision for <paramref name="amount"/> (a loan), or for a credit line of whatever the score earns (a card: null).</summary>
    public async Task<CreditDecision> Assess(string customerId, long? amount)
    {
        var now = clock.GetUtcNow();
        var profile = await grains.GetGrain<ICustomerGrain>(customerId).GetProfile();
        var standing = await grains.GetGrain<IRiskMonitorGrain>(customerId).GetStanding();
        var (overdue, owed) = await Borrowing(customerId, days.DayOf(now));
        var ownWallets = profile.Wallets.Where(w => w.SubWalletId is null).ToList();
        var held = ownWallets.Count == 0 ? TimeSpan.Zero : now - ownWallets.Min(w => w.OpenedAt);
        var facts = new CreditFacts(profile.Tier, (int)held.TotalDays, await MoneyIn(profile, now), profile.Restriction,
            standing.Alerts.Count(a => a.IsOpen), overdue, owed);
        return CreditScoring.Decide(facts, options.Value.MinimumScore, amount, days.HomeCurrency, now);
    }

    /// <summary>Money that came into the customer's own home-currency wallets in the last 90 days, the bank's own loans aside.</summary>
    private async Task<long> MoneyIn(CustomerProfile profile, DateTimeOffset now)
    {
        var total = 0L;
        foreach (var wallet in profile.Wallets.Where(w => w.Currency == days.HomeCurrency && w.SubWalletId is null))
        {
            // Up to the end of the bank day: money booked this very moment counts too.
            var run = await grains.GetGrain<IWalletStatementGrain>(wallet.WalletId).BookedRun(now - s_history, days.NextDayStart(now));
            total += run.Entries.Where(e => e.Direction == EntryDirection.In && e.Kind != MovementKind.LoanDrawdown).Sum(e => e.Amount);
        }
        return total;
    }

    /// <summary>How many of the customer's loans are overdue, and the principal they still owe on all of them.</summary>
    private async Task<(int Overdue, long Owed)> Borrowing(string customerId, DateOnly today)
    {
        var (overdue, owed) = (0, 0L);
        foreach (var loanId in await grains.GetGrain<ICreditFileGrain>(customerId).ListLoans())
        {
            if (await grains.GetGrain<ILoanAccountGrain>(loanId).GetStanding(today) is { } standing)
            {
                overdue += standing.Overdue ? 1 : 0;
                owed += standing.OutstandingPrincipal;
            }
        }
        return (overdue, owed);
    }
}
