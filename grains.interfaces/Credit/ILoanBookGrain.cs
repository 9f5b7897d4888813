namespace Wallet.Credit;

/// <summary>
/// The bank's register of drawn loans (one grain, key 0), in the order they were drawn: what the operators' view of the
/// loan book pages through. Each loan's own account says where it stands.
/// </summary>
[Alias("Wallet.ILoanBookGrain")]
public interface ILoanBookGrain : IGrainWithIntegerKey
{
    /// <summary>Enters a drawn loan; entering it again changes nothing.</summary>
    [Alias("Enter")]
    Task Enter(string loanId);

    /// <summary>Up to <paramref name="count"/> loans drawn before position <paramref name="before"/> (all, when null), newest first, as each stands today.</summary>
    [Alias("List"), AlwaysInterleave]
    Task<LoanBookPage> List(long? before, int count);
}

/// <summary>A page of the loan book: loans as they stand on the bank day, newest first, and the position to continue before (null at the first loan).</summary>
[GenerateSerializer, Immutable, Alias("Wallet.LoanBookPage")]
public sealed record LoanBookPage([property: Id(0)] IReadOnlyList<LoanStanding> Loans, [property: Id(1)] long? NextBefore);
