using Wallet.Bills;
using Wallet.Hosting;
using Wallet.Ledger;
using Wallet.Movements;
using Wallet.Refusals;
using Wallet.Wallets;

namespace Wallet.RedPackets;

/// <summary>
/// A red packet's unclaimed rest back to its sender: in one transaction the packet is marked returned (only once its time is
/// over and only once), the red-packet clearing account pays what nobody claimed and the sender's wallet receives it. Its id
/// is made from the sender and the packet, so however often it is asked, it happens once. A refusal of the sender's wallet
/// (closed, over its cap) is tried again at the next tick; "nothing to give back" is final.
/// </summary>
[Orleans.Placement.PreferLocalPlacement]
public sealed class RedPacketReturnGrain(
    [TransactionalState("movement", StorageNames.Wallet)] ITransactionalState<RedPacketReturnRecord> record,
    MovementServices services)
    : MovementGrain<RedPacketReturnReceipt, RedPacketReturnRecord>(record, services), IRedPacketReturnGrain
{
    /// <summary>The return gives back to red packets, where the packet counted, not to <c>refunds</c>.</summary>
    protected override Task<SpendingCategory?> SpendingCategoryOf(MoneyFlow moved) => Task.FromResult<SpendingCategory?>(SpendingCategory.RedPackets);

    public async Task<RedPacketReturnReceipt> Return(RedPacketReturnOrder order)
    {
        if (MovementIds.For(Workflow.RedPacketReturn, order.CustomerId, order.PacketId) != MovementId)
        {
            throw new InvalidOperationException($"Red packet return {MovementId} is not the return of red packet {order.PacketId}.");
        }
        var fingerprint = $"return {order.PacketId}";
        var known = await Known();
        if (known?.Receipt is { } earlier && !(earlier.Status == MovementStatus.Refused && earlier.Refusal?.Code != RefusalCodes.NotPending))
        {
            return await Replayed(Settle(known, order.CustomerId, fingerprint));
        }
        var receipt = Accepted(new RedPacketReturnReceipt(order.PacketId, order.WalletId, 0, 0), order.Currency);
        var packet = GrainFactory.GetGrain<IRedPacketGrain>(order.PacketId);
        UnclaimedRest? rest = null;
        return await Commit(order.CustomerId, fingerprint, receipt, async () =>
        {
            rest = await packet.MarkReturned(MovementId);
            if (rest.Refusal is { } nothing)
            {
                return nothing;
            }
            await Clearing(ClearingAccounts.RedPackets, order.Currency, order.WalletId).Post(MovementId, -rest.Amount);
            await Wallet(order.WalletId).Credit(new Posting(MovementId, MovementKind.Refund, order.CustomerId, rest.Amount, order.Currency, order.PacketId,
                $"unclaimed shares of {order.PacketId}", Category: SpendingCategory.RedPackets));
            return null;
        }, resolves: known?.Receipt is null ? null : MovementStatus.Refused, amend: r => r with { Amount = rest!.Amount, SharesReturned = rest.Shares });
    }

    public Task<RedPacketReturnReceipt?> Find(string customerId) => RecordedFor(customerId);
}

[GenerateSerializer, Alias("Wallet.RedPacketReturnRecord")]
public sealed class RedPacketReturnRecord : MovementRecord<RedPacketReturnReceipt>;
