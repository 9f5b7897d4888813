using Wallet.Refusals;

namespace Wallet.Credit;

/// <summary>
/// A drawn loan's account (keyed by the loan's id): the terms as signed, and which instalment each repayment settled.
/// Written only inside the transactions that move the loan's money, so an instalment is paid exactly once however many
/// requests, autopays and reminders race for it.
/// </summary>
[Alias("Wallet.ILoanAccountGrain")]
public interface ILoanAccountGrain : IGrainWithStringKey
{
    /// <summary>Opens the account with the loan's money paid out by <paramref name="drawdownId"/>; refuses a loan drawn by another.</summary>
    [Alias("Draw"), Transaction(TransactionOption.Join), AlwaysInterleave]
    Task<Refusal?> Draw(string drawdownId, LoanTerms terms);

    /// <summary>Settles what <paramref name="ask"/> repays, as of its day: the amounts it must move, or why not.</summary>
    [Alias("Repay"), Transaction(TransactionOption.Join), AlwaysInterleave]
    Task<RepaymentTaken> Repay(string repaymentId, RepaymentAsk ask);

    /// <summary>The account on <paramref name="today"/> (each instalment's standing, what repaying all would cost); null before the drawdown.</summary>
    [Alias("GetStanding"), Transaction(TransactionOption.CreateOrJoin), AlwaysInterleave]
    Task<LoanStanding?> GetStanding(DateOnly today);
}

/// <summary>The loan as signed at the drawdown: its borrower, principal, rate, schedule (dated from the drawdown day) and late-payment rate.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.LoanTerms")]
public sealed record LoanTerms(
    [property: Id(0)] string LoanId,
    [property: Id(1)] string BorrowerId,
    [property: Id(2)] string Currency,
    [property: Id(3)] long Principal,
    [property: Id(4)] int AnnualRateBasisPoints,
    [property: Id(5)] DateOnly DrawnOn,
    [property: Id(6)] IReadOnlyList<ScheduledInstalment> Schedule,
    [property: Id(7)] int LateBasisPointsPerDay,
    [property: Id(8)] string WalletId);

/// <summary>What a repayment pays: the instalment named, or (<see cref="RepaymentKind.Payoff"/>) everything left; priced on <see cref="AsOf"/>, expecting <see cref="Expected"/>.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.RepaymentAsk")]
public sealed record RepaymentAsk(
    [property: Id(0)] RepaymentKind Repays,
    [property: Id(1)] int? Instalment,
    [property: Id(2)] DateOnly AsOf,
    [property: Id(3)] long Expected);

/// <summary>What a repayment moves: principal back to the loan book, interest and late interest to the bank's income; or why it moves nothing.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.RepaymentTaken")]
public sealed record RepaymentTaken(
    [property: Id(0)] long Principal,
    [property: Id(1)] long Interest,
    [property: Id(2)] long LateInterest,
    [property: Id(3)] Refusal? Refusal = null)
{
    public long Amount => Principal + Interest + LateInterest;
}

/// <summary>What a repayment repays: <c>instalment</c> (one instalment, the earliest unpaid unless named) or <c>payoff</c> (everything left, early).</summary>
public enum RepaymentKind
{
    Instalment = 0,
    Payoff = 1,
}

/// <summary>
/// Where an instalment stands on a bank day: <c>upcoming</c> (due later), <c>due</c> (due today), <c>overdue</c> (its due
/// day passed unpaid: late interest runs from the next day) or <c>paid</c>.
/// </summary>
public enum InstalmentStatus
{
    Upcoming = 0,
    Due = 1,
    Overdue = 2,
    Paid = 3,
}

/// <summary>One instalment on a bank day: as scheduled, where it stands, the late interest it owes (or paid), and the repayment that paid it.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.InstalmentStanding")]
public sealed record InstalmentStanding(
    [property: Id(0)] ScheduledInstalment Scheduled,
    [property: Id(1)] InstalmentStatus Status,
    [property: Id(2)] long LateInterest,
    [property: Id(3)] string? PaidBy,
    [property: Id(4)] DateOnly? PaidOn,
    [property: Id(5)] long PaidAmount);

/// <summary>
/// A drawn loan on a bank day: each instalment's standing, the principal still owed, and what repaying everything today
/// costs (<see cref="PayoffToday"/>: the principal left, the interest of instalments already due, the interest run since
/// the last due day, and any late interest). <see cref="RepaidOn"/> once nothing is owed.
/// </summary>
[GenerateSerializer, Immutable, Alias("Wallet.LoanStanding")]
public sealed record LoanStanding(
    [property: Id(0)] LoanTerms Terms,
    [property: Id(1)] IReadOnlyList<InstalmentStanding> Instalments,
    [property: Id(2)] long OutstandingPrincipal,
    [property: Id(3)] long PayoffToday,
    [property: Id(4)] DateOnly? RepaidOn,
    [property: Id(5)] string DrawdownId)
{
    public bool Overdue => Instalments.Any(i => i.Status == InstalmentStatus.Overdue);

    /// <summary>The earliest instalment not yet paid, or null once the loan is repaid.</summary>
    public InstalmentStanding? NextUnpaid => Instalments.FirstOrDefault(i => i.Status != InstalmentStatus.Paid);
}
