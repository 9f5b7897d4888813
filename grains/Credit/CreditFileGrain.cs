using Wallet.Hosting;
using Wallet.Limits;

namespace Wallet.Credit;

/// <summary>A customer's credit file: the loans they applied for, which the scoring model and the list of their loans read.</summary>
public sealed class CreditFileGrain(
    [PersistentState("credit-file", StorageNames.Wallet)] IPersistentState<CreditFileState> file,
    LimitSchedule days,
    [FromKeyedServices(WalletClock.Key)] TimeProvider clock)
    : Grain, ICreditFileGrain
{
    public async Task NoteLoan(string loanId)
    {
        if (!file.State.Loans.Contains(loanId))
        {
            file.State.Loans.Add(loanId);
            await file.WriteStateAsync();
        }
    }

    public Task<IReadOnlyList<string>> ListLoans() => Task.FromResult<IReadOnlyList<string>>([.. file.State.Loans]);

    public async Task<long> PrincipalOwed()
    {
        var today = days.DayOf(clock.GetUtcNow());
        var standings = await Task.WhenAll(file.State.Loans.Select(id => GrainFactory.GetGrain<ILoanAccountGrain>(id).GetStanding(today)));
        return standings.Sum(s => s?.OutstandingPrincipal ?? 0);
    }
}

[GenerateSerializer, Alias("Wallet.CreditFileState")]
public sealed class CreditFileState
{
    /// <summary>The customer's loans (<c>ln_…</c>), oldest first.</summary>
    [Id(0)] public List<string> Loans { get; set; } = [];
}
