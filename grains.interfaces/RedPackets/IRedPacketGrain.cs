using Wallet.Movements;

namespace Wallet.RedPackets;

/// <summary>
/// A red packet (keyed <c>rp_…</c>, made from the sender and the request's idempotency key): its shares, decided when it is
/// sent, who took which, and what went back when its time was over.
/// </summary>
[Alias("Wallet.IRedPacketGrain")]
public interface IRedPacketGrain : IMovementGrain
{
    [Alias("Send")]
    Task<RedPacketView> Send(RedPacketOrder order);

    /// <summary>The packet as <paramref name="customerId"/> sees it: its sender, or someone who may claim it; otherwise null.</summary>
    [Alias("Find")]
    Task<RedPacketView?> Find(string customerId);

    /// <summary>What a claim by <paramref name="customerId"/> needs to know; refuses one who may not claim it (not found, or the sender of a one-to-one packet).</summary>
    [Alias("TermsFor")]
    Task<RedPacketTerms> TermsFor(string customerId);

    /// <summary>
    /// Inside a claim's transaction: the claimant's share (the one they took before, if any), or why there is none (empty,
    /// expired). Interleaves: the transaction's own lock on the packet's state serialises the claims.
    /// </summary>
    [Alias("TakeShare"), Transaction(TransactionOption.Join), AlwaysInterleave]
    Task<ShareTaken> TakeShare(string customerId, string claimId);

    /// <summary>
    /// Inside the return's transaction: marks the packet returned and answers what nobody claimed and how many shares; refuses
    /// (<c>not_pending</c>) a packet returned already or not yet expired.
    /// </summary>
    [Alias("MarkReturned"), Transaction(TransactionOption.Join), AlwaysInterleave]
    Task<UnclaimedRest> MarkReturned(string returnId);

    /// <summary>The expiry's reminder: once the packet's time is over, what nobody claimed goes back to the sender, once.</summary>
    [Alias("Expire")]
    Task<RedPacketView?> Expire();
}

/// <summary>A customer's claim on one red packet (keyed <c>rpc_…</c>, made from the claimant and the packet: one claim per customer and packet).</summary>
[Alias("Wallet.IRedPacketClaimGrain")]
public interface IRedPacketClaimGrain : IMovementGrain
{
    [Alias("Claim")]
    Task<RedPacketClaimReceipt> Claim(RedPacketClaimOrder order);

    [Alias("Find")]
    Task<RedPacketClaimReceipt?> Find(string customerId);
}

/// <summary>A red packet's unclaimed rest going back to its sender (keyed <c>rpr_…</c>, made from the sender and the packet: it happens once).</summary>
[Alias("Wallet.IRedPacketReturnGrain")]
public interface IRedPacketReturnGrain : IMovementGrain
{
    [Alias("Return")]
    Task<RedPacketReturnReceipt> Return(RedPacketReturnOrder order);

    [Alias("Find")]
    Task<RedPacketReturnReceipt?> Find(string customerId);
}
