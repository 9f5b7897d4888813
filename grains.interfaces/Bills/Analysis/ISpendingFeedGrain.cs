using Wallet.Events;

namespace Wallet.Bills.Analysis;

/// <summary>
/// Where a customer's events reach the spending analysis (their stream in memory, the event log's readers on
/// PostgreSQL): it hands each money movement to the month it happened in. Keeps nothing; the months count each once.
/// Keyed by customer id.
/// </summary>
[Alias("Wallet.ISpendingFeedGrain")]
public interface ISpendingFeedGrain : IGrainWithStringKey
{
    /// <summary>Events of the customer's, in the order they happened; the ones that are not money are passed over.</summary>
    [Alias("Observe")]
    Task Observe(IReadOnlyList<WalletEvent> events);
}
