using Wallet.Customers;

namespace Wallet.Wallets;

/// <summary>A wallet's whole history as its owner may read it: every entry, page by page, with the wallet as it stands.</summary>
public static class WholeStatements
{
    private const int PageSize = 100;

    public static async Task<WalletStatement> Read(IGrainFactory grains, string walletId, string ownerId)
    {
        var (wallet, statement) = (grains.GetGrain<IWalletGrain>(walletId), grains.GetGrain<IWalletStatementGrain>(walletId));
        var entries = new List<WalletEntry>();
        long? before = null;
        do
        {
            var page = await statement.GetEntries(ownerId, new EntryQuery(PageSize, before, null, null, null));
            entries.AddRange(page.Items);
            before = page.NextBeforeSequence;
        }
        while (before is not null);
        return new WalletStatement(await wallet.GetView(ownerId), entries);
    }
}
