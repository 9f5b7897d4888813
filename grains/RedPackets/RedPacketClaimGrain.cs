using Wallet.Customers;
using Wallet.Hosting;
using Wallet.Ledger;
using Wallet.Movements;
using Wallet.Refusals;
using Wallet.Wallets;

namespace Wallet.RedPackets;

/// <summary>
/// A customer's claim on a red packet: in one transaction the packet gives the next share, the red-packet clearing account
/// pays it and the claimant's wallet receives it. Its id is made from the claimant and the packet, so a customer claims a
/// packet once: asked again, it answers the share taken. An empty or expired packet's answer is final; a refusal of the
/// claimant's wallet (closed, over its cap) is not, and the next claim tries again.
/// </summary>
[Orleans.Placement.PreferLocalPlacement]
public sealed class RedPacketClaimGrain(
    [TransactionalState("movement", StorageNames.Wallet)] ITransactionalState<RedPacketClaimRecord> record,
    MovementServices services)
    : MovementGrain<RedPacketClaimReceipt, RedPacketClaimRecord>(record, services), IRedPacketClaimGrain
{
    public async Task<RedPacketClaimReceipt> Claim(RedPacketClaimOrder order)
    {
        if (MovementIds.For(Workflow.RedPacketClaim, order.CustomerId, order.PacketId) != MovementId)
        {
            throw WalletRefusedException.NotFound("The red packet"); // a claim is asked under its own id only
        }
        var fingerprint = $"claim {order.PacketId}";
        var known = await Known();
        if (known?.Receipt is { } earlier && !MayTryAgain(earlier))
        {
            return await Replayed(Settle(known, order.CustomerId, fingerprint));
        }
        var packet = GrainFactory.GetGrain<IRedPacketGrain>(order.PacketId);
        var terms = await packet.TermsFor(order.CustomerId); // not found for one who may not claim it
        if (Clock.GetUtcNow() >= terms.ExpiresAt)
        {
            throw new WalletRefusedException(RefusalCodes.RedPacketExpired, RefusalText.For(RefusalCodes.RedPacketExpired)); // early; the packet decides for good
        }
        var wallet = await ReceivingWallet(order, terms.Currency);
        var receipt = Accepted(new RedPacketClaimReceipt(order.PacketId, wallet, 0, 0), terms.Currency);
        ClaimedShare? taken = null;
        return await Commit(order.CustomerId, fingerprint, receipt, async () =>
        {
            taken = null;
            var share = await packet.TakeShare(order.CustomerId, MovementId);
            if (share.Refusal is { } refusal)
            {
                return refusal;
            }
            taken = share.Share!;
            await Clearing(ClearingAccounts.RedPackets, terms.Currency, terms.FromWalletId).Post(MovementId, -taken.Amount);
            await Wallet(wallet).Credit(new Posting(MovementId, MovementKind.RedPacket, order.CustomerId, taken.Amount, terms.Currency, order.PacketId, terms.Message));
            return null;
        }, resolves: known?.Receipt is null ? null : MovementStatus.Refused, amend: r => r with { Amount = taken!.Amount, ShareIndex = taken.Index });
    }

    /// <summary>A refused claim the claimant can mend (their wallet); an empty or expired packet stays so.</summary>
    private static bool MayTryAgain(RedPacketClaimReceipt earlier)
        => earlier.Status == MovementStatus.Refused && earlier.Refusal?.Code is not (RefusalCodes.RedPacketEmpty or RefusalCodes.RedPacketExpired);

    /// <summary>The wallet named (one of the claimant's, in the packet's currency), or their first active one in it.</summary>
    private async Task<string> ReceivingWallet(RedPacketClaimOrder order, string currency)
    {
        if (order.WalletId is { } walletId)
        {
            return (await OwnWallet(order.CustomerId, walletId, currency, outgoing: false)).WalletId;
        }
        return await GrainFactory.GetGrain<ICustomerGrain>(order.CustomerId).FindReceivingWallet(currency)
            ?? throw new WalletRefusedException(RefusalCodes.RecipientNotFound, $"You have no {currency} wallet to receive this red packet: open one, or name a walletId.");
    }

    public Task<RedPacketClaimReceipt?> Find(string customerId) => RecordedFor(customerId);
}

[GenerateSerializer, Alias("Wallet.RedPacketClaimRecord")]
public sealed class RedPacketClaimRecord : MovementRecord<RedPacketClaimReceipt>;
