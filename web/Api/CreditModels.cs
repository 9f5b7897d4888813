namespace Wallet.Web.Api;

// Credit (借贷): consumer loans (the decision, the offer and its schedule, acceptance, repayments, autopay) and
// credit-card applications. Enum values are the API's snake_case strings (offered, active, payoff, ...).

public sealed record CreditReason(string Code, string Text, int Points);

/// <summary>The bank's decision with every reason that moved it; <c>Limit</c> is the most it lends now (a card's credit limit).</summary>
public sealed record CreditDecision(bool Approved, int Score, IReadOnlyList<CreditReason> Reasons, long Limit, string Currency, DateTimeOffset DecidedAt);

public sealed record Instalment(int Number, DateOnly DueOn, long Principal, long Interest, long Amount, string Status, long LateInterest, string Currency,
    string? PaidBy, DateOnly? PaidOn, long PaidAmount);

public sealed record Loan(string LoanId, string Status, long Amount, string Currency, int TermMonths, int AnnualRateBasisPoints, CreditDecision Decision,
    IReadOnlyList<Instalment> Schedule, long TotalInterest, long TotalCost, DateTimeOffset AppliedAt, DateTimeOffset? OfferExpiresAt, string? WalletId,
    string? AutopayWalletId, DateOnly? DrawnOn, long OutstandingPrincipal, long? PayoffToday, DateOnly? RepaidOn, string? DrawdownId);

public sealed record LoanApplicationRequest(long Amount, string Currency, int TermMonths);

public sealed record LoanAcceptanceRequest(string WalletId, string Pin);

/// <summary><c>Repays</c> is <c>instalment</c> (the earliest unpaid) or <c>payoff</c> (everything left, at today's price).</summary>
public sealed record LoanRepaymentRequest(string WalletId, string Repays, string Pin);

/// <summary>Autopay on from a wallet (with the PIN), or off (neither).</summary>
public sealed record LoanAutopayRequest(bool Enabled, string? WalletId, string? Pin);

public sealed record LoanRepayment(string RepaymentId, string Status, string LoanId, string Repays, int? Instalment, long Amount, long Principal, long Interest,
    long LateInterest, string Currency, bool ByAutopay, DateTimeOffset CreatedAt);

public sealed record CreditCardApplication(string ApplicationId, string Status, CreditDecision Decision, string? CardId, string? Masked, DateTimeOffset AppliedAt);
