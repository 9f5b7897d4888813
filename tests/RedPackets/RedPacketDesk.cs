using Wallet.Customers;
using Wallet.Ledger;
using Wallet.Movements;
using Wallet.RedPackets;
using Wallet.Tests.Infrastructure;

namespace Wallet.Tests.RedPackets;

/// <summary>The red-packet steps as grain calls: send, claim, expire, and what the bank holds for packets not yet claimed.</summary>
public sealed class RedPacketDesk(IGrainFactory grains)
{
    public Task<RedPacketView> Send(TestCustomer sender, string fromWallet, long amount, string? toCustomerId = null, string? familyId = null, int shares = 1,
        RedPacketSplit split = RedPacketSplit.Fixed, string message = "恭喜发财", string? key = null, string? toPhone = null, string pin = TestData.Pin)
        => Packet(sender, key ?? Guid.NewGuid().ToString()).Send(new RedPacketOrder(sender.Id, $"red packet {fromWallet} {toCustomerId ?? toPhone ?? familyId} {shares} {split} {amount}",
            fromWallet, toCustomerId, toPhone, familyId, shares, split, amount, "CNY", message, PaymentAuthorisation.WithPin(pin)));

    public IRedPacketGrain Packet(TestCustomer sender, string key) => grains.GetGrain<IRedPacketGrain>(MovementIds.For(Workflow.RedPacket, sender.Id, key));

    public IRedPacketGrain Packet(string packetId) => grains.GetGrain<IRedPacketGrain>(packetId);

    public Task<RedPacketClaimReceipt> Claim(TestCustomer claimant, string packetId, string? walletId = null)
        => grains.GetGrain<IRedPacketClaimGrain>(MovementIds.For(Workflow.RedPacketClaim, claimant.Id, packetId)).Claim(new RedPacketClaimOrder(claimant.Id, packetId, walletId));

    /// <summary>What the bank holds for red packets in CNY: the clearing account's shards summed.</summary>
    public async Task<long> Held()
        => (await Task.WhenAll(ClearingAccounts.ShardsOf(ClearingAccounts.RedPackets, "CNY").Select(k => grains.GetGrain<IClearingAccountGrain>(k).ReadBalance()))).Sum();
}
