using Wallet.Identity;
using Wallet.Movements;

namespace Wallet.ClientApi.Movements;

/// <summary>
/// One side of a movement, the same shape wherever a movement says where money came <c>from</c> and went
/// <c>to</c>: a wallet, a bank card, a merchant, a biller, an account abroad, a red packet, a holding of a product, a loan or a claim. Exactly one of the ids is set.
/// </summary>
/// <param name="WalletId">The wallet (<c>wal_…</c>), or null when this side is not a wallet.</param>
/// <param name="CardId">The bank card (<c>card_…</c>), or null when this side is not a card.</param>
/// <param name="MerchantId">The merchant (<c>mch_…</c>), or null when this side is not a merchant.</param>
/// <param name="BillerId">The biller (<c>bil_…</c>) a bill was paid to, or null when this side is not a biller.</param>
/// <param name="RemittanceId">An account at a bank abroad, named by the remittance (<c>rm_…</c>) that sent it money; null otherwise.</param>
/// <param name="RedPacketId">A red packet (<c>rp_…</c>) the money went into or came out of; null otherwise.</param>
/// <param name="HoldingId">The customer's holding (<c>hld_…</c>) of one of the bank's products the money went into or came out of; null otherwise.</param>
/// <param name="LoanId">A consumer loan (<c>ln_…</c>) the money was lent by or repaid to; null otherwise.</param>
/// <param name="ClaimId">A claim for an unauthorised payment (<c>clm_…</c>) the bank's security fund paid; null otherwise.</param>
public sealed record Party(string? WalletId, string? CardId, string? MerchantId, string? BillerId = null, string? RemittanceId = null, string? RedPacketId = null,
    string? HoldingId = null, string? LoanId = null, string? ClaimId = null)
{
    public static Party Wallet(string? id) => new(id, null, null);

    public static Party Card(string? id) => new(null, id, null);

    public static Party Merchant(string? id) => new(null, null, id);

    /// <summary>The party an id names, read from its prefix (entries keep their counterparty as a bare id).</summary>
    public static Party? Named(string? id) => id switch
    {
        null => null,
        _ when id.StartsWith(IdPrefixes.Card + "_", StringComparison.Ordinal) => Card(id),
        _ when id.StartsWith(IdPrefixes.Merchant + "_", StringComparison.Ordinal) => Merchant(id),
        _ when id.StartsWith(IdPrefixes.Biller + "_", StringComparison.Ordinal) => new(null, null, null, id),
        _ when id.StartsWith(IdPrefixes.Remittance + "_", StringComparison.Ordinal) => new(null, null, null, null, id),
        _ when id.StartsWith(IdPrefixes.RedPacket + "_", StringComparison.Ordinal) => new(null, null, null, null, null, id),
        _ when id.StartsWith(IdPrefixes.Holding + "_", StringComparison.Ordinal) => new(null, null, null, null, null, null, id),
        _ when id.StartsWith(IdPrefixes.Loan + "_", StringComparison.Ordinal) => new(null, null, null, null, null, null, null, id),
        _ when id.StartsWith(IdPrefixes.Claim + "_", StringComparison.Ordinal) => new(null, null, null, null, null, null, null, null, id),
        _ => Wallet(id),
    };

    /// <summary>
    /// Where a movement's money came from and went, as its receipt says: a payment goes to the merchant (not to
    /// the merchant's settlement wallet, which is the bank's business), a refund comes from it.
    /// </summary>
    public static (Party From, Party To) Of(MovementOutcome r) => (Of(r.Sides.From), Of(r.Sides.To));

    private static Party Of(MovementSide side) => new(side.WalletId, side.CardId, side.MerchantId, side.BillerId, side.RemittanceId, side.RedPacketId, side.HoldingId, side.LoanId, side.ClaimId);
}
