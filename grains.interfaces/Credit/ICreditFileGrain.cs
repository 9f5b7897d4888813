namespace Wallet.Credit;

/// <summary>A customer's credit file (keyed by customer id): the loans they applied for, oldest first, which scoring, listing and closing the account read.</summary>
[Alias("Wallet.ICreditFileGrain")]
public interface ICreditFileGrain : IGrainWithStringKey
{
    /// <summary>Notes a loan; noting it again changes nothing.</summary>
    [Alias("NoteLoan")]
    Task NoteLoan(string loanId);

    [Alias("ListLoans"), AlwaysInterleave]
    Task<IReadOnlyList<string>> ListLoans();

    /// <summary>The principal the customer still owes on all their drawn loans: an account does not close while it is not 0.</summary>
    [Alias("PrincipalOwed"), AlwaysInterleave]
    Task<long> PrincipalOwed();
}
