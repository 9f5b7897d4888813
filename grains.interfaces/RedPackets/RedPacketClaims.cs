using Wallet.Movements;
using Wallet.Wallets;

namespace Wallet.RedPackets;

/// <summary>A customer claims a share of a red packet, into <paramref name="WalletId"/> or, when null, their first active wallet in its currency.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.RedPacketClaimOrder")]
public sealed record RedPacketClaimOrder(
    [property: Id(0)] string CustomerId,
    [property: Id(1)] string PacketId,
    [property: Id(2)] string? WalletId);

/// <summary>A claimed share as recorded: from the packet (the red-packet clearing account) into the claimant's wallet.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.RedPacketClaimReceipt")]
public sealed record RedPacketClaimReceipt(
    [property: Id(0)] string PacketId,
    [property: Id(1)] string WalletId,
    [property: Id(2)] long Amount,
    [property: Id(3)] int ShareIndex) : MovementOutcome
{
    public override MovementKind Kind => MovementKind.RedPacket;

    public override MovementSides Sides => new(MovementSide.RedPacket(PacketId), MovementSide.Wallet(WalletId));

    protected override MoneyFlow Flow => new(null, WalletId, Amount, Amount);
}

/// <summary>What nobody claimed goes back to the sender's wallet once the packet's time is over.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.RedPacketReturnOrder")]
public sealed record RedPacketReturnOrder(
    [property: Id(0)] string CustomerId,
    [property: Id(1)] string PacketId,
    [property: Id(2)] string WalletId,
    [property: Id(3)] string Currency);

/// <summary>
/// A red packet's unclaimed rest back in the sender's wallet, as recorded: a refund, which the spending analysis takes back
/// from red packets, where the packet counted.
/// </summary>
[GenerateSerializer, Immutable, Alias("Wallet.RedPacketReturnReceipt")]
public sealed record RedPacketReturnReceipt(
    [property: Id(0)] string PacketId,
    [property: Id(1)] string WalletId,
    [property: Id(2)] long Amount,
    [property: Id(3)] int SharesReturned) : MovementOutcome
{
    public override MovementKind Kind => MovementKind.Refund;

    public override MovementSides Sides => new(MovementSide.RedPacket(PacketId), MovementSide.Wallet(WalletId));

    protected override MoneyFlow Flow => new(null, WalletId, Amount, Amount);
}
