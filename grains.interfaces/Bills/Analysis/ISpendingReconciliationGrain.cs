namespace Wallet.Bills.Analysis;

/// <summary>
/// An operator's check of the read model against the ledger: for a customer and a month, every spending movement
/// the wallets' entries hold against what the analysis counted. Holds nothing of its own.
/// </summary>
[Alias("Wallet.ISpendingReconciliationGrain")]
public interface ISpendingReconciliationGrain : IGrainWithIntegerKey
{
    [Alias("Reconcile")]
    Task<SpendingReconciliation> Reconcile(string customerId, SpendingMonth month);
}

/// <summary>What the check found: how many movements each side holds, and each that differs (none when they agree).</summary>
[GenerateSerializer, Immutable, Alias("Wallet.SpendingReconciliation")]
public sealed record SpendingReconciliation(
    [property: Id(0)] string CustomerId,
    [property: Id(1)] SpendingMonth Month,
    [property: Id(2)] int InLedger,
    [property: Id(3)] int InAnalysis,
    [property: Id(4)] IReadOnlyList<SpendingDifference> Differences,
    [property: Id(5)] DateTimeOffset CheckedAt)
{
    public bool Agrees => Differences.Count == 0;
}

/// <summary>
/// One movement on which the two sides differ: <c>missing_from_analysis</c> (in the ledger, never counted: a lost
/// event), <c>missing_from_ledger</c> (counted, no such entry), <c>amount_differs</c> or <c>category_differs</c>.
/// </summary>
[GenerateSerializer, Immutable, Alias("Wallet.SpendingDifference")]
public sealed record SpendingDifference(
    [property: Id(0)] string MovementId,
    [property: Id(1)] SpendingDifferenceKind Kind,
    [property: Id(2)] string? WalletId,
    [property: Id(3)] long? LedgerAmount,
    [property: Id(4)] long? AnalysisAmount,
    [property: Id(5)] SpendingCategory? LedgerCategory,
    [property: Id(6)] SpendingCategory? AnalysisCategory,
    [property: Id(7)] string? Currency);

/// <summary>How a movement differs between the ledger and the analysis.</summary>
public enum SpendingDifferenceKind
{
    MissingFromAnalysis = 0,
    MissingFromLedger = 1,
    AmountDiffers = 2,
    CategoryDiffers = 3,
}
