namespace Wallet.Wallets;

/// <summary>
/// The entries a statement period takes (see <see cref="Statements.MonthlyStatement"/>), in order, and the balance before
/// the first of them. <paramref name="Ended"/>: an entry booked after the period exists, so no later entry joins the run.
/// </summary>
[GenerateSerializer, Immutable, Alias("Wallet.BookedRun")]
public sealed record BookedRun([property: Id(0)] long Opening, [property: Id(1)] IReadOnlyList<WalletEntry> Entries, [property: Id(2)] bool Ended)
{
    /// <summary>The balance after the run: its last entry's, or the opening one when it has none.</summary>
    public long Closing => Entries.Count == 0 ? Opening : Entries[^1].BalanceAfter;
}
