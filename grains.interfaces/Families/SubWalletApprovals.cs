using Wallet.Movements;

namespace Wallet.Families;

/// <summary>
/// The payments of one sub-wallet that wait for its family's approval (keyed by the sub-wallet's id): the owner or a
/// guardian approves or declines each, or it expires; each ends exactly once, by the payment's own record.
/// </summary>
[Alias("Wallet.ISubWalletApprovalsGrain")]
public interface ISubWalletApprovalsGrain : IGrainWithStringKey
{
    /// <summary>
    /// A payment is about to wait (told before its commit): listed so it expires even if nothing follows, but shown and
    /// told to the family only once it waits (<see cref="Await"/>). One refused meanwhile is forgotten when it expires.
    /// </summary>
    [Alias("Expect"), AlwaysInterleave]
    Task Expect(PendingApproval approval);

    /// <summary>A payment now waits (told by the payment after its commit, and again on a replay: the same one changes nothing).</summary>
    [Alias("Await"), AlwaysInterleave]
    Task Await(PendingApproval approval);

    /// <summary>What waits, oldest first, for the family's owner, a guardian or the member; to anyone else the sub-wallet does not exist.</summary>
    [Alias("List")]
    Task<IReadOnlyList<PendingApproval>> List(string callerId);

    /// <summary>The owner or a guardian approves (the payment is carried out now, and may still be refused) or declines it.</summary>
    [Alias("Decide")]
    Task<ReviewableOutcome> Decide(string callerId, string movementId, bool approve);

    /// <summary>What its reminder does: declines, as expired, every payment that waited past its time.</summary>
    [Alias("FollowUp")]
    Task<IReadOnlyList<PendingApproval>> FollowUp();
}

/// <summary>A payment waiting for the family: who pays whom how much, and until when it may wait.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.PendingApproval")]
public sealed record PendingApproval(
    [property: Id(0)] string MovementId,
    [property: Id(1)] string SubWalletId,
    [property: Id(2)] string MerchantId,
    [property: Id(3)] long Amount,
    [property: Id(4)] string Currency,
    [property: Id(5)] DateTimeOffset At,
    [property: Id(6)] DateTimeOffset ExpiresAt);

/// <summary>How long a sub-wallet's payment waits for its family's approval before it expires, and what the family is shown of it.</summary>
public static class SubWalletApprovals
{
    public static readonly TimeSpan AwaitFor = TimeSpan.FromHours(24);

    public static PendingApproval Pending(ReviewableOutcome payment, string movementId, string subWalletId)
        => new(movementId, subWalletId, payment.Sides.To.MerchantId ?? "", payment.HeldAmount, payment.SenderCurrency, payment.CreatedAt, payment.CreatedAt + AwaitFor);
}
