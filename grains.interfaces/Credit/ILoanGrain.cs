using Wallet.Customers;
using Wallet.Identity;

namespace Wallet.Credit;

/// <summary>
/// A consumer loan (<c>ln_…</c>, named by the application's idempotency key): the application and the bank's decision,
/// the offer, its acceptance, and the follow-up its reminder runs once it is drawn — a notice before each due day,
/// autopay on it, overdue the day after, and autopay tried again each day until paid. Its money is its account's
/// (<see cref="ILoanAccountGrain"/>).
/// </summary>
[Alias("Wallet.ILoanGrain")]
public interface ILoanGrain : IGrainWithStringKey
{
    /// <summary>Decides the application; the same request again answers the same loan, another under its key is refused.</summary>
    [Alias("Apply")]
    Task<Replayable<LoanView>> Apply(LoanApplication application);

    /// <summary>The loan as its borrower sees it; anyone else is told it was not found. Interleaves: a repayment asks while the loan's autopay waits on it.</summary>
    [Alias("Get"), AlwaysInterleave]
    Task<LoanView> Get(string customerId);

    /// <summary>Accepts the offer with the borrower's PIN or device: the principal is paid into <see cref="LoanAcceptance.WalletId"/>, which autopay then repays from.</summary>
    [Alias("Accept")]
    Task<LoanAccepted> Accept(LoanAcceptance acceptance);

    /// <summary>Turns autopay on (from a wallet of the borrower's, with their PIN or device) or off.</summary>
    [Alias("SetAutopay")]
    Task<LoanView> SetAutopay(string customerId, string? walletId, PaymentAuthorisation? authorisation);

    /// <summary>The wallet autopay repays from, or null when it is off: asked by the repayment autopay starts. Interleaves for that reason.</summary>
    [Alias("AutopayFrom"), AlwaysInterleave]
    Task<string?> AutopayFrom();

    /// <summary>What the reminder's tick does (tests call it directly): notices, autopay, overdue. Answers what it did.</summary>
    [Alias("FollowUp")]
    Task<IReadOnlyList<string>> FollowUp();
}

/// <summary>An application for a loan of <see cref="Amount"/> over <see cref="TermMonths"/> months.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.LoanApplication")]
public sealed record LoanApplication(
    [property: Id(0)] string CustomerId,
    [property: Id(1)] long Amount,
    [property: Id(2)] string Currency,
    [property: Id(3)] int TermMonths,
    [property: Id(4)] IdempotentRequest Request);

/// <summary>The borrower's yes to the offer, under the request's idempotency key (which names the drawdown).</summary>
[GenerateSerializer, Immutable, Alias("Wallet.LoanAcceptance")]
public sealed record LoanAcceptance(
    [property: Id(0)] string CustomerId,
    [property: Id(1)] string WalletId,
    [property: Id(2)] PaymentAuthorisation Authorisation,
    [property: Id(3)] IdempotentRequest Request);

/// <summary>An acceptance's outcome: the drawdown as recorded (refused, when the wallet would not take it), and the loan after it.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.LoanAccepted")]
public sealed record LoanAccepted([property: Id(0)] LoanDrawdownReceipt Drawdown, [property: Id(1)] LoanView Loan);

/// <summary>
/// Where a loan stands: <c>declined</c> (the bank said no; the reasons say why), <c>offered</c> (approved, waiting for the
/// customer's acceptance), <c>expired</c> (the offer was not accepted in time), <c>active</c> (drawn, being repaid),
/// <c>overdue</c> (an instalment's due day passed unpaid) or <c>repaid</c>.
/// </summary>
public enum LoanStatus
{
    Declined = 0,
    Offered = 1,
    Expired = 2,
    Active = 3,
    Overdue = 4,
    Repaid = 5,
}

/// <summary>
/// A loan as its borrower sees it: the decision, the offer (rate, schedule, total interest and total cost, dated as if
/// drawn today until it is), and once drawn each instalment's standing, the principal owed and the price of repaying all today.
/// </summary>
[GenerateSerializer, Immutable, Alias("Wallet.LoanView")]
public sealed record LoanView(
    [property: Id(0)] string LoanId,
    [property: Id(1)] LoanStatus Status,
    [property: Id(2)] long Amount,
    [property: Id(3)] string Currency,
    [property: Id(4)] int TermMonths,
    [property: Id(5)] CreditDecision Decision,
    [property: Id(6)] IReadOnlyList<InstalmentStanding> Schedule,
    [property: Id(7)] long TotalInterest,
    [property: Id(8)] DateTimeOffset AppliedAt,
    [property: Id(9)] DateTimeOffset? OfferExpiresAt,
    [property: Id(10)] string? WalletId,
    [property: Id(11)] string? AutopayWalletId,
    [property: Id(12)] DateOnly? DrawnOn,
    [property: Id(13)] long OutstandingPrincipal,
    [property: Id(14)] long? PayoffToday,
    [property: Id(15)] DateOnly? RepaidOn,
    [property: Id(16)] string? DrawdownId)
{
    public long TotalCost => Amount + TotalInterest;
}
