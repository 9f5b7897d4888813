namespace Wallet.Credit;

/// <summary>
/// The bank's answer to an application for credit (a loan or a credit card), from its scoring model, with every reason
/// that moved it kept so the customer and the operators can see why. <see cref="Limit"/> and
/// <see cref="AnnualRateBasisPoints"/> are what the score earns (zero when declined).
/// </summary>
[GenerateSerializer, Immutable, Alias("Wallet.CreditDecision")]
public sealed record CreditDecision(
    [property: Id(0)] bool Approved,
    [property: Id(1)] int Score,
    [property: Id(2)] IReadOnlyList<CreditReason> Reasons,
    [property: Id(3)] long Limit,
    [property: Id(4)] int AnnualRateBasisPoints,
    [property: Id(5)] string Currency,
    [property: Id(6)] DateTimeOffset DecidedAt);

/// <summary>One reason in a decision: a stable code, what it means in words, and the points it added to the score (0 for a reason that declines outright).</summary>
[GenerateSerializer, Immutable, Alias("Wallet.CreditReason")]
public sealed record CreditReason([property: Id(0)] string Code, [property: Id(1)] string Text, [property: Id(2)] int Points);

/// <summary>The codes a credit decision's reasons carry.</summary>
public static class CreditReasons
{
    public const string TierInPerson = "tier_in_person";
    public const string TierDebitCard = "tier_debit_card";
    public const string TierRealName = "tier_real_name";
    public const string TierUnverified = "tier_unverified";
    public const string WalletHeldLong = "wallet_held_long";
    public const string WalletHeldMonths = "wallet_held_months";
    public const string WalletNew = "wallet_new";
    public const string TurnoverHigh = "turnover_high";
    public const string TurnoverSome = "turnover_some";
    public const string TurnoverLow = "turnover_low";
    public const string RiskClear = "risk_clear";
    public const string RiskAlertOpen = "risk_alert_open";
    public const string RiskRestricted = "risk_restricted";
    public const string LoanOverdue = "loan_overdue";
    public const string ScoreBelowMinimum = "score_below_minimum";
    public const string AmountOverLimit = "amount_over_limit";
}
