namespace Wallet.Wallets;

/// <summary>
/// A wallet's filed statement: its older entries, in pages of plain grain state, so the wallet's
/// transactional state carries only the recent ones and a busy wallet does not rewrite its whole
/// history with every movement. Keyed by the wallet's id.
/// </summary>
[Alias("Wallet.IWalletStatementGrain")]
public interface IWalletStatementGrain : IGrainWithStringKey
{
    /// <summary>Moves the wallet's committed entries, in whole pages, from its book into the statement.</summary>
    [Alias("File"), OneWay]
    Task File();

    /// <summary>Filed entries up to and including <paramref name="through"/>, newest first, that match the query; at most <paramref name="count"/>.</summary>
    [Alias("Older"), AlwaysInterleave]
    Task<IReadOnlyList<WalletEntry>> Older(long through, EntryQuery query, int count);
}
