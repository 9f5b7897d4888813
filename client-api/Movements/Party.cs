using Wallet.Movements;
using Wallet.Wallets;

namespace Wallet.ClientApi.Movements;

/// <summary>
/// One side of a movement, the same shape wherever a movement says where money came <c>from</c> and went
/// <c>to</c>: a wallet, a bank card or a merchant. Exactly one of the ids is set.
/// </summary>
/// <param name="WalletId">The wallet (<c>wal_…</c>), or null when this side is not a wallet.</param>
/// <param name="CardId">The bank card (<c>card_…</c>), or null when this side is not a card.</param>
/// <param name="MerchantId">The merchant (<c>mch_…</c>), or null when this side is not a merchant.</param>
public sealed record Party(string? WalletId, string? CardId, string? MerchantId)
{
    public static Party Wallet(string? id) => new(id, null, null);

    public static Party Card(string? id) => new(null, id, null);

    public static Party Merchant(string? id) => new(null, null, id);

    /// <summary>The party an id names, read from its prefix (entries keep their counterparty as a bare id).</summary>
    public static Party? Named(string? id) => id switch
    {
        null => null,
        _ when id.StartsWith("card_", StringComparison.Ordinal) => Card(id),
        _ when id.StartsWith("mch_", StringComparison.Ordinal) => Merchant(id),
        _ => Wallet(id),
    };

    /// <summary>
    /// Where a movement's money came from and went, by its kind: a payment goes to the merchant (not to the
    /// merchant's settlement wallet, which is the bank's business), a refund comes from it.
    /// </summary>
    public static (Party From, Party To) Of(MovementReceipt r) => r.Kind switch
    {
        MovementKind.TopUp => (Card(r.CardId), Wallet(r.ToWalletId)),
        MovementKind.Withdrawal => (Wallet(r.FromWalletId), Card(r.CardId)),
        MovementKind.Payment => (Wallet(r.FromWalletId), Merchant(r.MerchantId)),
        MovementKind.Refund => (Merchant(r.MerchantId), Wallet(r.ToWalletId)),
        MovementKind.Settlement => (Merchant(r.MerchantId), Card(r.CardId)),
        MovementKind.Transfer or MovementKind.Cashback => (Wallet(r.FromWalletId), Wallet(r.ToWalletId)),
    };
}
