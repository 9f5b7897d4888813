using Wallet.ClientApi.Movements;
using Wallet.Products;

namespace Wallet.ClientApi.Products;

/// <summary>A holding of one of the bank's products, as its customer sees it.</summary>
/// <param name="HoldingId">The holding's id (<c>hld_…</c>).</param>
/// <param name="ProductId">The product (<c>prd_…</c>).</param>
/// <param name="ProductName">The product's name.</param>
/// <param name="Kind"><c>money_market</c>, <c>term_deposit</c> or <c>wealth</c>.</param>
/// <param name="Currency">ISO 4217 code of the amounts.</param>
/// <param name="WalletId">The wallet it pays back into (<c>wal_…</c>): the one it was bought from.</param>
/// <param name="Principal">What was put in and not yet taken out, in minor units (a redemption takes from it first).</param>
/// <param name="AccruedYield">All the yield recorded so far, in minor units.</param>
/// <param name="Value">What it is worth now (what a full redemption or maturity pays), in minor units.</param>
/// <param name="PaidOut">What has been paid back from it into the wallet, in minor units.</param>
/// <param name="ValueDate">The first bank day it earns, ISO 8601 date (Asia/Shanghai).</param>
/// <param name="MaturityDate">The day it pays back by itself, ISO 8601 date; null for a fund.</param>
/// <param name="RateBasisPoints">The annual rate fixed when bought, in basis points; null for a fund, which earns each day's rate.</param>
/// <param name="AccruedThrough">The last bank day whose yield is recorded, ISO 8601 date; null before the first.</param>
/// <param name="Status"><c>active</c>, <c>redeemed</c> (all of it paid back on asking), <c>matured</c> (paid back at its end) or <c>withdrawn_early</c>.</param>
/// <param name="RecentYields">The last week's daily yields, oldest first.</param>
/// <param name="OpenedAt">When it was opened, UTC, ISO 8601.</param>
public sealed record HoldingResponse(string HoldingId, string ProductId, string ProductName, ProductKind Kind, string Currency, string WalletId, long Principal,
    long AccruedYield, long Value, long PaidOut, DateOnly ValueDate, DateOnly? MaturityDate, int? RateBasisPoints, DateOnly? AccruedThrough, HoldingStatus Status,
    IReadOnlyList<DailyYieldResponse> RecentYields, DateTimeOffset OpenedAt)
{
    public static HoldingResponse Of(HoldingView v) => new(v.HoldingId, v.ProductId, v.ProductName, v.Kind, v.Currency, v.WalletId, v.Principal, v.AccruedYield, v.Value,
        v.PaidOut, v.ValueDate, v.MaturityDate, v.RateBasisPoints, v.AccruedThrough, v.Status, [.. v.RecentYields.Select(y => new DailyYieldResponse(y.Day, y.Amount, v.Currency))],
        v.OpenedAt);
}

/// <summary>One bank day's yield.</summary>
/// <param name="Day">The bank day, ISO 8601 date (Asia/Shanghai).</param>
/// <param name="Amount">The yield recorded for it, in minor units.</param>
/// <param name="Currency">ISO 4217 code of the amount.</param>
public sealed record DailyYieldResponse(DateOnly Day, long Amount, string Currency);

/// <summary>Money out of a holding into a wallet of the caller's.</summary>
/// <param name="Amount">How much, in minor units, up to what the holding is worth (a fund only); absent for all of it. A deposit or a wealth product is paid back whole.</param>
/// <param name="ToWalletId">The caller's wallet in the holding's currency; the one it was bought from when absent.</param>
public sealed record RedeemRequest(long? Amount, string? ToWalletId);

/// <summary>A redemption (or a payout at maturity) as the bank recorded it.</summary>
/// <param name="RedemptionId">Its id (<c>pr_…</c>), the same for every replay of its <c>Idempotency-Key</c>.</param>
/// <param name="Status">Where it stands: <c>completed</c> when the money is in the wallet.</param>
/// <param name="ProductId">The product (<c>prd_…</c>).</param>
/// <param name="HoldingId">The holding it came out of (<c>hld_…</c>).</param>
/// <param name="From">The holding (<c>holdingId</c>).</param>
/// <param name="To">The wallet it went to (<c>walletId</c>).</param>
/// <param name="Amount">What was paid, in minor units.</param>
/// <param name="Yield">The part of it that was yield (the principal is taken first), in minor units.</param>
/// <param name="HoldingStatus">What the holding became: <c>active</c> (a fund with money left), <c>redeemed</c>, <c>matured</c> or <c>withdrawn_early</c>.</param>
/// <param name="AtMaturity">True for the holding's own payout at its end.</param>
/// <param name="Currency">ISO 4217 code of the amounts.</param>
/// <param name="CreatedAt">When the bank accepted it, UTC, ISO 8601.</param>
public sealed record RedemptionResponse(string RedemptionId, Wallet.Movements.MovementStatus Status, string ProductId, string HoldingId, Party From, Party To, long Amount,
    long Yield, HoldingStatus HoldingStatus, bool AtMaturity, string Currency, DateTimeOffset CreatedAt)
{
    public static RedemptionResponse Of(ProductRedemptionReceipt r)
    {
        var (from, to) = Party.Of(r);
        return new(r.MovementId, r.Status, r.ProductId, r.HoldingId, from, to, r.Amount, r.Yield, r.HoldingStatus, r.AtMaturity, r.Currency, r.CreatedAt);
    }
}

/// <summary>The bank's risk questionnaire: five questions, each answered 1 (its first answer) to 5.</summary>
/// <param name="Questions">The questions, in the order the answers are given.</param>
/// <param name="ValidForDays">How long an assessment stands, in days.</param>
public sealed record RiskQuestionnaireResponse(IReadOnlyList<RiskQuestionResponse> Questions, int ValidForDays);

/// <summary>One question of the risk questionnaire.</summary>
/// <param name="QuestionId">Its id (<c>age</c>, <c>horizon</c>, …).</param>
/// <param name="Text">The question, in Chinese and English.</param>
/// <param name="Answers">Its five answers; answering the first is 1, the last 5.</param>
public sealed record RiskQuestionResponse(string QuestionId, string Text, IReadOnlyList<string> Answers);

/// <summary>The caller's answers to the risk questionnaire.</summary>
/// <param name="Answers">One answer per question, in order, each 1 to 5.</param>
public sealed record RiskAssessmentRequest([property: Contract.RequiredField] IReadOnlyList<int>? Answers);

/// <summary>The caller's risk assessment.</summary>
/// <param name="Tolerance">1 to 5 (C1 … C5): products up to the same risk level may be bought.</param>
/// <param name="Answers">The answers it was given.</param>
/// <param name="AssessedAt">When it was taken, UTC, ISO 8601.</param>
/// <param name="ValidUntil">When it stops standing (a year on), UTC, ISO 8601.</param>
/// <param name="Valid">True while it stands.</param>
public sealed record RiskAssessmentResponse(int Tolerance, IReadOnlyList<int> Answers, DateTimeOffset AssessedAt, DateTimeOffset ValidUntil, bool Valid)
{
    public static RiskAssessmentResponse Of(RiskAssessment a, DateTimeOffset now) => new(a.Tolerance, a.Answers, a.AssessedAt, a.ValidUntil, a.ValidUntil > now);
}
