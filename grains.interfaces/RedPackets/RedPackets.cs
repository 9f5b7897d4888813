using Wallet.Customers;
using Wallet.Movements;
using Wallet.Wallets;

namespace Wallet.RedPackets;

/// <summary>What a red packet says.</summary>
public static class RedPacketMessages
{
    /// <summary>The message a packet carries when its sender wrote none: "Wishing you prosperity and good fortune".</summary>
    public const string Default = "恭喜发财，大吉大利";

    public const int MaxLength = 60;
}

/// <summary>How a red packet's total is shared: <c>fixed</c> (every share the same amount) or <c>random</c> (a total split at random when it is sent).</summary>
public enum RedPacketSplit
{
    Fixed = 0,
    Random = 1,
}

/// <summary>
/// Who may claim a red packet: one customer (a one-to-one packet, one share) or the members of a family (a group packet).
/// Exactly one is set.
/// </summary>
[GenerateSerializer, Immutable, Alias("Wallet.RedPacketAudience")]
public sealed record RedPacketAudience([property: Id(0)] string? CustomerId, [property: Id(1)] string? FamilyId)
{
    public static RedPacketAudience Customer(string customerId) => new(customerId, null);

    public static RedPacketAudience Family(string familyId) => new(null, familyId);

    public bool IsGroup => FamilyId is not null;
}

/// <summary>
/// A customer sends a red packet (红包) from one of their wallets: to one registered customer, named by id or phone, or to a
/// family. <paramref name="Amount"/> is each share's for a <c>fixed</c> split, the total for a <c>random</c> one.
/// </summary>
[GenerateSerializer, Immutable, Alias("Wallet.RedPacketOrder")]
public sealed record RedPacketOrder(
    [property: Id(0)] string CustomerId,
    [property: Id(1)] string Fingerprint,
    [property: Id(2)] string FromWalletId,
    [property: Id(3)] string? ToCustomerId,
    [property: Id(4)] string? ToPhone,
    [property: Id(5)] string? FamilyId,
    [property: Id(6)] int Shares,
    [property: Id(7)] RedPacketSplit Split,
    [property: Id(8)] long Amount,
    [property: Id(9)] string Currency,
    [property: Id(10)] string Message,
    [property: Id(11)] PaymentAuthorisation Authorisation)
{
    /// <summary>What the sender's wallet pays: the total of the shares.</summary>
    public long Total => Split == RedPacketSplit.Fixed ? checked(Amount * Shares) : Amount;

    public override string ToString() => $"RedPacketOrder {{ From = {FromWalletId}, Shares = {Shares}, {Split} {Amount} {Currency} }}";
}

/// <summary>A red packet as sent: the sender's wallet paid the total into the bank's red-packet clearing account.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.RedPacketReceipt")]
public sealed record RedPacketReceipt(
    [property: Id(0)] string FromWalletId,
    [property: Id(1)] RedPacketAudience Audience,
    [property: Id(2)] RedPacketSplit Split,
    [property: Id(3)] int Shares,
    [property: Id(4)] long Total,
    [property: Id(5)] string Message,
    [property: Id(6)] DateTimeOffset ExpiresAt) : MovementOutcome
{
    public override MovementKind Kind => MovementKind.RedPacket;

    public override MovementSides Sides => new(MovementSide.Wallet(FromWalletId), MovementSide.RedPacket(MovementId));

    protected override MoneyFlow Flow => new(FromWalletId, null, Total, Total);
}

/// <summary>One share a customer claimed: its place in the packet, its amount, the wallet it reached, and the claim that moved it.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.ClaimedShare")]
public sealed record ClaimedShare(
    [property: Id(0)] string CustomerId,
    [property: Id(1)] int Index,
    [property: Id(2)] long Amount,
    [property: Id(3)] string ClaimId,
    [property: Id(4)] DateTimeOffset ClaimedAt);

/// <summary>
/// Where a red packet stands: <c>open</c> while shares are left and time remains, <c>claimed</c> once every share is taken,
/// <c>returned</c> once its time is over and what nobody claimed went back to the sender, <c>expired</c> when its time is over
/// and the return is still to come, or <c>not_sent</c> when the sending was refused and nothing moved.
/// </summary>
public enum RedPacketStatus
{
    Open = 0,
    Claimed = 1,
    Expired = 2,
    Returned = 3,
    NotSent = 4,
}

/// <summary>
/// A red packet as one caller sees it: the sender sees every claim; a claimant or an eligible member sees the packet, how
/// many shares are left and their own share, not what others got. <paramref name="Return"/> is what went back, when it did.
/// </summary>
[GenerateSerializer, Immutable, Alias("Wallet.RedPacketView")]
public sealed record RedPacketView(
    [property: Id(0)] RedPacketReceipt Packet,
    [property: Id(1)] string SenderId,
    [property: Id(2)] RedPacketStatus Status,
    [property: Id(3)] int SharesLeft,
    [property: Id(4)] ClaimedShare? Yours,
    [property: Id(5)] IReadOnlyList<ClaimedShare> Claims,
    [property: Id(6)] RedPacketReturnReceipt? Return);

/// <summary>What a share taken inside a claim's transaction is: its place and its amount, or why none was taken.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.ShareTaken")]
public sealed record ShareTaken([property: Id(0)] ClaimedShare? Share, [property: Id(1)] Refusals.Refusal? Refusal);

/// <summary>What nobody claimed, marked returned inside the return's transaction: its amount and how many shares; or why nothing goes back.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.UnclaimedRest")]
public sealed record UnclaimedRest([property: Id(0)] long Amount, [property: Id(1)] int Shares, [property: Id(2)] Refusals.Refusal? Refusal);

/// <summary>
/// What a claim needs to know of the packet before its transaction: its currency, the sender's wallet (whose shard of the
/// clearing account holds the packet's money), when it expires, and its message (the claimant's entry shows it).
/// </summary>
[GenerateSerializer, Immutable, Alias("Wallet.RedPacketTerms")]
public sealed record RedPacketTerms(
    [property: Id(0)] string Currency,
    [property: Id(1)] string FromWalletId,
    [property: Id(2)] DateTimeOffset ExpiresAt,
    [property: Id(3)] string Message);
