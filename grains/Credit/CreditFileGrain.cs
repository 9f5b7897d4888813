using Wallet.Hosting;

namespace Wallet.Credit;

/// <summary>A customer's credit file: the loans they applied for, which the scoring model and the list of their loans read.</summary>
public sealed class CreditFileGrain([PersistentState("credit-file", StorageNames.Wallet)] IPersistentState<CreditFileState> file) : Grain, ICreditFileGrain
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
}

[GenerateSerializer, Alias("Wallet.CreditFileState")]
public sealed class CreditFileState
{
    /// <summary>The customer's loans (<c>ln_…</c>), oldest first.</summary>
    [Id(0)] public List<string> Loans { get; set; } = [];
}
