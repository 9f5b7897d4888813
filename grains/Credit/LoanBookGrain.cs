using Wallet.Hosting;
using Wallet.Limits;

namespace Wallet.Credit;

/// <summary>The register of drawn loans: appended once per loan when its drawdown completes, read a page at a time.</summary>
public sealed class LoanBookGrain(
    [PersistentState("loan-book", StorageNames.Wallet)] IPersistentState<LoanBookState> book,
    LimitSchedule days,
    [FromKeyedServices(WalletClock.Key)] TimeProvider clock)
    : Grain, ILoanBookGrain
{
    public async Task Enter(string loanId)
    {
        if (book.State.Entered.Add(loanId))
        {
            book.State.Loans.Add(loanId);
            await book.WriteStateAsync();
        }
    }

    public async Task<LoanBookPage> List(long? before, int count)
    {
        var loans = book.State.Loans;
        var end = (int)Math.Clamp(before ?? loans.Count, 0, loans.Count);
        var start = Math.Max(0, end - count);
        var page = loans.GetRange(start, end - start);
        page.Reverse();
        var today = days.DayOf(clock.GetUtcNow());
        var standings = await Task.WhenAll(page.Select(id => GrainFactory.GetGrain<ILoanAccountGrain>(id).GetStanding(today)));
        return new LoanBookPage([.. standings.OfType<LoanStanding>()], start > 0 ? start : null);
    }
}

[GenerateSerializer, Alias("Wallet.LoanBookState")]
public sealed class LoanBookState
{
    /// <summary>Drawn loans, oldest first: a loan's position is its index plus one.</summary>
    [Id(0)] public List<string> Loans { get; set; } = [];

    /// <summary>The same loans, to enter each once.</summary>
    [Id(1)] public HashSet<string> Entered { get; set; } = [];
}
