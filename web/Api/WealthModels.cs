namespace Wallet.Web.Api;

// Wealth and deposits (理财): the bank's products on sale, the customer's holdings, the risk questionnaire and
// assessment, and "balance plus fund". Enum values are the API's snake_case strings (money_market, active, ...).

/// <summary>A product on sale; <c>YourRefusal</c> says why the caller could not buy it now (null when they can).</summary>
public sealed record Product(string ProductId, string Name, string Kind, int RiskLevel, string Currency, int AnnualRateBasisPoints, int DemandRateBasisPoints,
    long MinimumAmount, long? Quota, long? QuotaLeft, int? TermMonths, DateOnly? SubscriptionOpens, DateOnly? SubscriptionCloses, DateOnly? MaturesOn,
    string Status, bool OnSale, string? YourRefusal);

public sealed record BuyProductRequest(string WalletId, long Amount, string Pin);

public sealed record Purchase(string PurchaseId, string Status, string ProductId, string HoldingId, long Amount, string Currency, DateTimeOffset CreatedAt);

public sealed record DailyYield(DateOnly Day, long Amount, string Currency);

public sealed record Holding(string HoldingId, string ProductId, string ProductName, string Kind, string Currency, string WalletId, long Principal,
    long AccruedYield, long Value, long PaidOut, DateOnly ValueDate, DateOnly? MaturityDate, int? RateBasisPoints, DateOnly? AccruedThrough, string Status,
    IReadOnlyList<DailyYield> RecentYields, DateTimeOffset OpenedAt);

/// <summary>No amount redeems all of it (and a deposit or a wealth product is only ever paid back whole).</summary>
public sealed record RedeemRequest(long? Amount);

public sealed record Redemption(string RedemptionId, string Status, string ProductId, string HoldingId, long Amount, long Yield, string HoldingStatus,
    bool AtMaturity, string Currency, DateTimeOffset CreatedAt);

public sealed record RiskQuestion(string QuestionId, string Text, IReadOnlyList<string> Answers);

public sealed record RiskQuestionnaire(IReadOnlyList<RiskQuestion> Questions, int ValidForDays);

public sealed record RiskAssessmentRequest(IReadOnlyList<int> Answers);

public sealed record RiskAssessment(int Tolerance, IReadOnlyList<int> Answers, DateTimeOffset AssessedAt, DateTimeOffset ValidUntil, bool Valid);

public sealed record FundCoverRequest(string HoldingId);

public sealed record FundCover(string WalletId, string HoldingId, string Currency);
