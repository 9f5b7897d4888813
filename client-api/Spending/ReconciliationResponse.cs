using Wallet.Bills;
using Wallet.Bills.Analysis;

namespace Wallet.ClientApi.Spending;

/// <summary>A customer's month of spending as the analysis counted it, checked against the ledger's entries movement by movement.</summary>
/// <param name="CustomerId">The customer's id (<c>cus_…</c>).</param>
/// <param name="Month">The bank month, <c>yyyy-MM</c>.</param>
/// <param name="Agrees">True when no movement differs.</param>
/// <param name="InLedger">Spending movements the customer's wallets booked in the month.</param>
/// <param name="InAnalysis">Spending movements the analysis counted in the month.</param>
/// <param name="Differences">Each movement that differs; empty when the two agree.</param>
/// <param name="CheckedAt">When the check ran, UTC, ISO 8601.</param>
public sealed record ReconciliationResponse(string CustomerId, string Month, bool Agrees, int InLedger, int InAnalysis,
    IReadOnlyList<SpendingDifferenceResponse> Differences, DateTimeOffset CheckedAt)
{
    public static ReconciliationResponse From(SpendingReconciliation check) => new(check.CustomerId, check.Month.ToString(), check.Agrees, check.InLedger, check.InAnalysis,
        [.. check.Differences.Select(d => new SpendingDifferenceResponse(d.MovementId, d.Kind, d.WalletId, d.Currency, d.LedgerAmount, d.AnalysisAmount, d.LedgerCategory, d.AnalysisCategory))],
        check.CheckedAt);
}

/// <summary>A movement on which the ledger and the analysis differ.</summary>
/// <param name="MovementId">The movement's id (<c>tr_…</c>, <c>py_…</c>, …).</param>
/// <param name="Kind">How it differs (see the SpendingDifferenceKind schema).</param>
/// <param name="WalletId">The customer's wallet the movement's entry or event names.</param>
/// <param name="Currency">ISO 4217 code of the amounts.</param>
/// <param name="LedgerAmount">What the entry adds to spending, an integer in minor units of the currency (a refund negative); null when the ledger has no such entry.</param>
/// <param name="AnalysisAmount">What the analysis counted, an integer in minor units of the currency; null when it counted nothing.</param>
/// <param name="LedgerCategory">The entry's category (the owner's own where they gave one); null when it has none to compare (a refund's entry, or no entry).</param>
/// <param name="AnalysisCategory">The category the analysis counted it in; null when it counted nothing.</param>
public sealed record SpendingDifferenceResponse(string MovementId, SpendingDifferenceKind Kind, string? WalletId, string? Currency,
    long? LedgerAmount, long? AnalysisAmount, SpendingCategory? LedgerCategory, SpendingCategory? AnalysisCategory);
