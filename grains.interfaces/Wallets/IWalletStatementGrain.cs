namespace Wallet.Wallets;

/// <summary>
/// A wallet's filed statement: its older entries, in pages of plain grain state, so the wallet's
/// transactional state carries only the recent ones and a busy wallet does not rewrite its whole
/// history with every movement. Owners read their entries here, the book's and the filed ones together. Keyed by the wallet's id.
/// </summary>
[Alias("Wallet.IWalletStatementGrain")]
public interface IWalletStatementGrain : IGrainWithStringKey
{
    /// <summary>Moves the wallet's committed entries, in whole pages, from its book into the statement.</summary>
    [Alias("File"), OneWay]
    Task File();

    /// <summary>
    /// The wallet's entries as its owner sees them, newest first: those still in the book, then the filed ones;
    /// anyone else is told the wallet does not exist.
    /// </summary>
    [Alias("GetEntries"), AlwaysInterleave]
    Task<EntryPage> GetEntries(string callerId, EntryQuery query);

    /// <summary>The owner's notes changed: read them again before the next search.</summary>
    [Alias("NotesChanged"), AlwaysInterleave]
    Task NotesChanged();

    /// <summary>Filed entries up to and including <paramref name="through"/>, newest first, that match the query; at most <paramref name="count"/>.</summary>
    [Alias("Older"), AlwaysInterleave]
    Task<IReadOnlyList<WalletEntry>> Older(long through, EntryQuery query, int count);

    /// <summary>
    /// The run of entries a statement of the period [<paramref name="start"/>, <paramref name="end"/>) takes, with the
    /// balance before it (see <see cref="Statements.MonthlyStatement"/>). For the statement grain, which checks the caller.
    /// </summary>
    [Alias("BookedRun"), AlwaysInterleave]
    Task<BookedRun> BookedRun(DateTimeOffset start, DateTimeOffset end);

    /// <summary>The months the wallet has statements for, newest first: from the month it opened to this one. Only its owner is answered.</summary>
    [Alias("StatementMonths"), AlwaysInterleave]
    Task<IReadOnlyList<string>> StatementMonths(string callerId);

    /// <summary>The electronic receipt for entry <paramref name="sequence"/>; anyone but the owner, or an entry that does not exist, is told it was not found.</summary>
    [Alias("Receipt"), AlwaysInterleave]
    Task<Statements.EntryReceipt> Receipt(string callerId, long sequence);
}
