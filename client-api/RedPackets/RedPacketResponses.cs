using Wallet.ClientApi.Movements;
using Wallet.Movements;
using Wallet.RedPackets;

namespace Wallet.ClientApi.RedPackets;

/// <summary>
/// A red packet as the caller may see it: its sender sees every claim and the return; one who may claim it sees the
/// packet, how many shares are left and their own share, not what others got (theirs to tell).
/// </summary>
/// <param name="RedPacketId">The red packet (<c>rp_…</c>).</param>
/// <param name="Status"><c>completed</c> once the money left the sender's wallet, <c>refused</c> when nothing moved.</param>
/// <param name="PacketStatus"><c>open</c> while shares are left and time remains, <c>claimed</c> once every share is taken, <c>expired</c> when its time is over and the rest is still to go back, <c>returned</c> once it went back, <c>not_sent</c> when nothing moved.</param>
/// <param name="From">The sender's wallet the money left (<c>walletId</c>).</param>
/// <param name="To">The packet itself (<c>redPacketId</c>): its money waits in the bank's red-packet clearing account until claimed.</param>
/// <param name="RecipientId">A one-to-one packet's recipient (<c>cus_…</c>); null for a group packet.</param>
/// <param name="FamilyId">A group packet's family (<c>fam_…</c>); null for a one-to-one packet.</param>
/// <param name="Split"><c>fixed</c> or <c>random</c>.</param>
/// <param name="Shares">How many shares the packet has.</param>
/// <param name="SharesLeft">How many are still to be claimed (none once returned).</param>
/// <param name="Total">What the sender paid, in minor units of <c>currency</c>: the sum of the shares.</param>
/// <param name="Currency">ISO 4217 code of the amounts.</param>
/// <param name="Message">What the packet says.</param>
/// <param name="YourShare">The caller's own share, once claimed; null otherwise.</param>
/// <param name="Claims">The shares claimed, in the order they were: every one for the sender, the caller's own for anyone else.</param>
/// <param name="Return">What nobody claimed, back in the sender's wallet once the time was over; for the sender only, null otherwise.</param>
/// <param name="ExpiresAt">When claiming ends and the rest goes back to the sender, UTC, ISO 8601.</param>
/// <param name="CreatedAt">When it was sent, UTC, ISO 8601.</param>
public sealed record RedPacketResponse(string RedPacketId, MovementStatus Status, RedPacketStatus PacketStatus, Party From, Party To, string? RecipientId, string? FamilyId,
    RedPacketSplit Split, int Shares, int SharesLeft, long Total, string Currency, string Message, RedPacketShareResponse? YourShare,
    IReadOnlyList<RedPacketShareResponse> Claims, RedPacketReturnResponse? Return, DateTimeOffset ExpiresAt, DateTimeOffset CreatedAt)
{
    public static RedPacketResponse Of(RedPacketView v)
    {
        var p = v.Packet;
        var (from, to) = Party.Of(p);
        return new(p.MovementId, p.Status, v.Status, from, to, p.Audience.CustomerId, p.Audience.FamilyId, p.Split, p.Shares, v.SharesLeft, p.Total, p.Currency,
            p.Message, RedPacketShareResponse.Of(v.Yours, p.Currency), [.. v.Claims.Select(c => RedPacketShareResponse.Of(c, p.Currency)!)], RedPacketReturnResponse.Of(v.Return), p.ExpiresAt,
            p.CreatedAt);
    }
}

/// <summary>One share a customer claimed.</summary>
/// <param name="CustomerId">Who claimed it (<c>cus_…</c>).</param>
/// <param name="Index">Its place in the packet, from 0, in the order shares were claimed.</param>
/// <param name="Amount">What it was, in minor units of the packet's currency.</param>
/// <param name="Currency">ISO 4217 code of the amount: the packet's currency.</param>
/// <param name="ClaimId">The claim that moved it (<c>rpc_…</c>).</param>
/// <param name="ClaimedAt">When it was claimed, UTC, ISO 8601.</param>
public sealed record RedPacketShareResponse(string CustomerId, int Index, long Amount, string Currency, string ClaimId, DateTimeOffset ClaimedAt)
{
    public static RedPacketShareResponse? Of(ClaimedShare? s, string currency) => s is null ? null : new(s.CustomerId, s.Index, s.Amount, currency, s.ClaimId, s.ClaimedAt);
}

/// <summary>What nobody claimed, back in the sender's wallet.</summary>
/// <param name="ReturnId">The movement that gave it back (<c>rpr_…</c>).</param>
/// <param name="WalletId">The sender's wallet it reached (<c>wal_…</c>).</param>
/// <param name="Amount">What went back, in minor units of the packet's currency.</param>
/// <param name="Currency">ISO 4217 code of the amount: the packet's currency.</param>
/// <param name="SharesReturned">How many shares nobody claimed.</param>
/// <param name="ReturnedAt">When it went back, UTC, ISO 8601.</param>
public sealed record RedPacketReturnResponse(string ReturnId, string WalletId, long Amount, string Currency, int SharesReturned, DateTimeOffset ReturnedAt)
{
    public static RedPacketReturnResponse? Of(RedPacketReturnReceipt? r)
        => r is not { Status: MovementStatus.Completed } ? null : new(r.MovementId, r.WalletId, r.Amount, r.Currency, r.SharesReturned, r.CreatedAt);
}

/// <summary>A share claimed, as the claimant's claim recorded it.</summary>
/// <param name="ClaimId">The claim (<c>rpc_…</c>): one per customer and packet.</param>
/// <param name="RedPacketId">The packet claimed (<c>rp_…</c>).</param>
/// <param name="Status"><c>completed</c>: the share is in the wallet.</param>
/// <param name="From">The packet the share came out of (<c>redPacketId</c>).</param>
/// <param name="To">The caller's wallet it reached (<c>walletId</c>).</param>
/// <param name="Amount">The share, in minor units of <c>currency</c>.</param>
/// <param name="Currency">ISO 4217 code of the share.</param>
/// <param name="ShareIndex">Its place in the packet, from 0, in the order shares were claimed.</param>
/// <param name="ClaimedAt">When it was claimed, UTC, ISO 8601.</param>
public sealed record RedPacketClaimResponse(string ClaimId, string RedPacketId, MovementStatus Status, Party From, Party To, long Amount, string Currency, int ShareIndex,
    DateTimeOffset ClaimedAt)
{
    public static RedPacketClaimResponse Of(RedPacketClaimReceipt r)
    {
        var (from, to) = Party.Of(r);
        return new(r.MovementId, r.PacketId, r.Status, from, to, r.Amount, r.Currency, r.ShareIndex, r.CreatedAt);
    }
}
