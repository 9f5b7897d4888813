using Wallet.Identity;

namespace Wallet.Credit;

/// <summary>A loan's application, decision and offer, and once accepted where it was paid and where autopay repays from. The money is its account's.</summary>
[GenerateSerializer, Alias("Wallet.LoanState")]
public sealed class LoanState
{
    [Id(0)] public string CustomerId { get; set; } = "";

    /// <summary>The application's request: the same key with another body is refused.</summary>
    [Id(1)] public IdempotentRequest? Request { get; set; }

    [Id(2)] public long Amount { get; set; }

    [Id(3)] public string Currency { get; set; } = "";

    [Id(4)] public int TermMonths { get; set; }

    [Id(5)] public CreditDecision? Decision { get; set; }

    [Id(6)] public DateTimeOffset AppliedAt { get; set; }

    [Id(7)] public DateTimeOffset? OfferExpiresAt { get; set; }

    /// <summary>The drawdown that paid the loan out (a cache of its account's, written once it completed).</summary>
    [Id(8)] public string? DrawdownId { get; set; }

    [Id(9)] public string? WalletId { get; set; }

    /// <summary>The wallet autopay repays from; null when the borrower turned it off.</summary>
    [Id(10)] public string? AutopayWalletId { get; set; }

    /// <summary>What the borrower was told ("loan_overdue 2"): told once.</summary>
    [Id(11)] public List<string> Told { get; set; } = [];
}
