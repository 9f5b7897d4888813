using Wallet.Events;

namespace Wallet.Bills.Analysis;

/// <summary>
/// One customer's spending in one bank month, the read model the analysis answers from: fed by the customer's
/// committed-movement events (each counted once, by its id), following the owner's own categories, and telling the
/// inbox when a budget is 80 % and 100 % spent. Keyed <c>cus_…/yyyy-MM</c> (<see cref="SpendingMonth.KeyFor"/>).
/// </summary>
[Alias("Wallet.ISpendingMonthGrain")]
public interface ISpendingMonthGrain : IGrainWithStringKey
{
    /// <summary>The month's movements of the customer's; one already counted (the same event id) changes nothing.</summary>
    [Alias("Observe")]
    Task Observe(IReadOnlyList<MoneyMoved> events);

    /// <summary>The owner put their own category on a movement's entry (null: took it off); kept even before its event arrives.</summary>
    [Alias("Recategorise")]
    Task Recategorise(string movementId, SpendingCategory? category);

    /// <summary>The customer's budgets changed: spending already past a level of one is told now, not at the next payment.</summary>
    [Alias("BudgetsChanged")]
    Task BudgetsChanged();

    /// <summary>The month's spending in one currency: by category and by merchant.</summary>
    [Alias("GetSpending"), AlwaysInterleave]
    Task<MonthSpending> GetSpending(string currency);

    /// <summary>Every movement counted, for the reconciliation against the ledger.</summary>
    [Alias("GetCounted"), AlwaysInterleave]
    Task<IReadOnlyList<CountedSpending>> GetCounted();
}

/// <summary>One movement as the month counts it: its event, where it counts (the owner's category over the event's) and how much (a refund negative).</summary>
[GenerateSerializer, Immutable, Alias("Wallet.CountedSpending")]
public sealed record CountedSpending(
    [property: Id(0)] string EventId,
    [property: Id(1)] string MovementId,
    [property: Id(2)] Wallets.MovementKind Kind,
    [property: Id(3)] string WalletId,
    [property: Id(4)] long Amount,
    [property: Id(5)] string Currency,
    [property: Id(6)] SpendingCategory Category,
    [property: Id(7)] string? MerchantId,
    [property: Id(8)] DateTimeOffset OccurredAt);

/// <summary>A month's spending in one currency: the net total, each category and each merchant (refunds taken off), largest first.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.MonthSpending")]
public sealed record MonthSpending(
    [property: Id(0)] SpendingMonth Month,
    [property: Id(1)] string Currency,
    [property: Id(2)] long Total,
    [property: Id(3)] IReadOnlyList<SpendingShare> Categories,
    [property: Id(4)] IReadOnlyList<MerchantSpending> Merchants);

[GenerateSerializer, Immutable, Alias("Wallet.SpendingShare")]
public sealed record SpendingShare([property: Id(0)] SpendingCategory Category, [property: Id(1)] long Amount, [property: Id(2)] int Count);

[GenerateSerializer, Immutable, Alias("Wallet.MerchantSpending")]
public sealed record MerchantSpending([property: Id(0)] string MerchantId, [property: Id(1)] long Amount, [property: Id(2)] int Count);
