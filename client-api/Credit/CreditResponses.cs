using Wallet.ClientApi.Movements;
using Wallet.Credit;
using Wallet.Movements;

namespace Wallet.ClientApi.Credit;

/// <summary>The bank's decision on an application, from its scoring model, with every reason that moved it.</summary>
/// <param name="Approved">True when the bank lends (or issues the card).</param>
/// <param name="Score">The score out of 100: the reasons' points added up.</param>
/// <param name="Reasons">Why, in order: identity, history, money in, risk, and what declined it.</param>
/// <param name="Limit">The most the bank lends the customer now (the card's credit limit), an integer in minor units; 0 when the score does not qualify.</param>
/// <param name="Currency">ISO 4217 code of the limit.</param>
/// <param name="DecidedAt">When the bank decided, UTC, ISO 8601.</param>
public sealed record CreditDecisionResponse(bool Approved, int Score, IReadOnlyList<CreditReasonResponse> Reasons, long Limit, string Currency, DateTimeOffset DecidedAt)
{
    public static CreditDecisionResponse Of(CreditDecision d)
        => new(d.Approved, d.Score, [.. d.Reasons.Select(r => new CreditReasonResponse(r.Code, r.Text, r.Points))], d.Limit, d.Currency, d.DecidedAt);
}

/// <summary>One reason in a credit decision.</summary>
/// <param name="Code">A stable code, such as <c>tier_real_name</c>, <c>turnover_some</c>, <c>risk_clear</c>, <c>tier_unverified</c> or <c>score_below_minimum</c>.</param>
/// <param name="Text">What it means, in words.</param>
/// <param name="Points">The points it added to the score (0 for a reason that declines).</param>
public sealed record CreditReasonResponse(string Code, string Text, int Points);

/// <summary>A consumer loan: the decision, the offer (rate, schedule, total interest and cost) and, once drawn, where each instalment stands.</summary>
/// <param name="LoanId">The loan's id (<c>ln_…</c>), the same for every replay of its application's <c>Idempotency-Key</c>.</param>
/// <param name="Status">Where it stands: <c>declined</c>, <c>offered</c>, <c>expired</c>, <c>active</c>, <c>overdue</c> or <c>repaid</c>.</param>
/// <param name="Amount">The principal, an integer in minor units of the currency.</param>
/// <param name="Currency">ISO 4217 code of every amount of the loan.</param>
/// <param name="TermMonths">The number of monthly instalments.</param>
/// <param name="AnnualRateBasisPoints">The nominal annual interest rate in basis points (1440 is 14.40% a year; the monthly rate is a twelfth); 0 when declined.</param>
/// <param name="Decision">The bank's decision and its reasons.</param>
/// <param name="Schedule">The instalments, first due a month after the drawdown (dated as if drawn today until it is); empty when declined.</param>
/// <param name="TotalInterest">The interest the schedule charges, in minor units.</param>
/// <param name="TotalCost">The principal and the interest together: what the schedule repays, in minor units.</param>
/// <param name="AppliedAt">When the customer applied, UTC, ISO 8601.</param>
/// <param name="OfferExpiresAt">Until when the offer may be accepted, UTC, ISO 8601; null when declined.</param>
/// <param name="WalletId">The wallet the loan was paid into (<c>wal_…</c>); null until drawn.</param>
/// <param name="AutopayWalletId">The wallet autopay repays from (<c>wal_…</c>); null while autopay is off.</param>
/// <param name="DrawnOn">The bank day (Asia/Shanghai) the loan was paid out, ISO 8601 date; null until drawn.</param>
/// <param name="OutstandingPrincipal">The principal still owed, in minor units.</param>
/// <param name="PayoffToday">What repaying everything today costs, in minor units (the principal left, due interest, this month's interest so far, late interest); null unless drawn and not repaid.</param>
/// <param name="RepaidOn">The bank day the last of it was repaid, ISO 8601 date; null until then.</param>
/// <param name="DrawdownId">The drawdown movement (<c>lnd_…</c>); null until drawn.</param>
public sealed record LoanResponse(
    string LoanId, LoanStatus Status, long Amount, string Currency, int TermMonths, int AnnualRateBasisPoints, CreditDecisionResponse Decision,
    IReadOnlyList<InstalmentResponse> Schedule, long TotalInterest, long TotalCost, DateTimeOffset AppliedAt, DateTimeOffset? OfferExpiresAt, string? WalletId,
    string? AutopayWalletId, DateOnly? DrawnOn, long OutstandingPrincipal, long? PayoffToday, DateOnly? RepaidOn, string? DrawdownId)
{
    public static LoanResponse Of(LoanView v) => new(v.LoanId, v.Status, v.Amount, v.Currency, v.TermMonths, v.Decision.AnnualRateBasisPoints,
        CreditDecisionResponse.Of(v.Decision), [.. v.Schedule.Select(i => InstalmentResponse.Of(i, v.Currency))], v.TotalInterest, v.TotalCost, v.AppliedAt,
        v.OfferExpiresAt, v.WalletId, v.AutopayWalletId, v.DrawnOn, v.OutstandingPrincipal, v.PayoffToday, v.RepaidOn, v.DrawdownId);
}

/// <summary>One instalment of a loan.</summary>
/// <param name="Number">Its number, from 1.</param>
/// <param name="DueOn">The bank day (Asia/Shanghai) it falls due, ISO 8601 date.</param>
/// <param name="Principal">Its principal part, an integer in minor units.</param>
/// <param name="Interest">Its interest part, in minor units (for one settled by an early repayment, what that charged).</param>
/// <param name="Amount">Principal and interest: the instalment, in minor units.</param>
/// <param name="Status"><c>upcoming</c>, <c>due</c> (today), <c>overdue</c> (its due day passed unpaid) or <c>paid</c>.</param>
/// <param name="LateInterest">Late interest it owes today (overdue) or paid, in minor units.</param>
/// <param name="Currency">ISO 4217 code of the amounts.</param>
/// <param name="PaidBy">The repayment that paid it (<c>lnr_…</c>); null while unpaid.</param>
/// <param name="PaidOn">The bank day it was paid, ISO 8601 date; null while unpaid.</param>
/// <param name="PaidAmount">What its repayment took for it, in minor units; 0 while unpaid.</param>
public sealed record InstalmentResponse(int Number, DateOnly DueOn, long Principal, long Interest, long Amount, InstalmentStatus Status, long LateInterest, string Currency,
    string? PaidBy, DateOnly? PaidOn, long PaidAmount)
{
    public static InstalmentResponse Of(InstalmentStanding i, string currency)
        => new(i.Scheduled.Number, i.Scheduled.DueOn, i.Scheduled.Principal, i.Scheduled.Interest, i.Scheduled.Amount, i.Status, i.LateInterest, currency, i.PaidBy, i.PaidOn,
            i.PaidAmount);
}

/// <summary>A loan's repayment as the bank recorded it.</summary>
/// <param name="RepaymentId">Its id (<c>lnr_…</c>), the same for every replay of its <c>Idempotency-Key</c>.</param>
/// <param name="Status">Where it stands: <c>completed</c> when the money has moved.</param>
/// <param name="LoanId">The loan repaid (<c>ln_…</c>).</param>
/// <param name="Repays"><c>instalment</c> or <c>payoff</c>.</param>
/// <param name="Instalment">The instalment it paid; null for a payoff.</param>
/// <param name="From">The wallet the money left (<c>walletId</c>).</param>
/// <param name="To">The loan it repaid (<c>loanId</c>).</param>
/// <param name="Amount">What left the wallet, an integer in minor units.</param>
/// <param name="Principal">The principal it repaid, in minor units.</param>
/// <param name="Interest">The interest it paid, in minor units.</param>
/// <param name="LateInterest">The late interest it paid, in minor units.</param>
/// <param name="Currency">ISO 4217 code of the amounts.</param>
/// <param name="ByAutopay">True when autopay made it.</param>
/// <param name="CreatedAt">When the bank accepted it, UTC, ISO 8601.</param>
public sealed record LoanRepaymentResponse(string RepaymentId, MovementStatus Status, string LoanId, RepaymentKind Repays, int? Instalment, Party From, Party To, long Amount,
    long Principal, long Interest, long LateInterest, string Currency, bool ByAutopay, DateTimeOffset CreatedAt)
{
    public static LoanRepaymentResponse Of(LoanRepaymentReceipt r)
    {
        var (from, to) = Party.Of(r);
        return new(r.MovementId, r.Status, r.LoanId, r.Repays, r.Instalment, from, to, r.Amount, r.Principal, r.Interest, r.LateInterest, r.Currency, r.ByAutopay, r.CreatedAt);
    }
}

/// <summary>A credit-card application: the decision, and for an approved one the new card bound to the customer.</summary>
/// <param name="ApplicationId">The application's id (<c>cca_…</c>), the same for every replay of its <c>Idempotency-Key</c>.</param>
/// <param name="Status"><c>approved</c> (the card is issued and bound) or <c>declined</c> (the reasons say why).</param>
/// <param name="Decision">The bank's decision; its limit is the card's credit limit.</param>
/// <param name="CardId">The new card (<c>card_…</c>), <c>pending_verification</c> until the code the bank texted confirms it (<c>POST /v1/cards/{id}/verify</c>); null when declined.</param>
/// <param name="Masked">The new card's number, masked (first 6, last 4); null when declined.</param>
/// <param name="AppliedAt">When the customer applied, UTC, ISO 8601.</param>
public sealed record CreditCardApplicationResponse(string ApplicationId, CreditCardApplicationStatus Status, CreditDecisionResponse Decision, string? CardId, string? Masked,
    DateTimeOffset AppliedAt)
{
    public static CreditCardApplicationResponse Of(CreditCardApplicationView v)
        => new(v.ApplicationId, v.Status, CreditDecisionResponse.Of(v.Decision), v.CardId, v.Masked, v.AppliedAt);
}
