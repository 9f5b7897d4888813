namespace Wallet.Movements;

/// <summary>
/// The outcome of a movement a customer sends that risk control may hold for an operator: a transfer, a QR
/// payment or a withdrawal. While held, <see cref="HeldAmount"/> is held in <see cref="HeldWalletId"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("Wallet.ReviewableOutcome")]
public abstract record ReviewableOutcome : MovementOutcome
{
    /// <summary>The operator's release or rejection, once one decided.</summary>
    [Id(0)] public ReviewDecision? Review { get; init; }

    /// <summary>The sender's wallet, where the money waits while the movement is held.</summary>
    public abstract string HeldWalletId { get; }

    /// <summary>What is held while it waits: all the movement would take.</summary>
    public abstract long HeldAmount { get; }

    /// <summary>What the sender pays: all of it for a transfer or a withdrawal; for a payment, its price less any discount.</summary>
    public abstract long SenderPays { get; }

    /// <summary>The currency of <see cref="SenderPays"/> and <see cref="HeldAmount"/>: the sender's wallet's (the movement's, unless it paid a merchant in another).</summary>
    public virtual string SenderCurrency => Currency;
}

/// <summary>An operator's release or rejection of a movement held for review: who, their note, and when.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.ReviewDecision")]
public sealed record ReviewDecision([property: Id(0)] string OperatorId, [property: Id(1)] string? Note, [property: Id(2)] DateTimeOffset At);

/// <summary>A movement an operator may release or reject while it is held for review.</summary>
[Alias("Wallet.IReviewableMovementGrain")]
public interface IReviewableMovementGrain : IMovementGrain
{
    /// <summary>An operator lets a movement held for review go: planned again and carried out, spending the money held for it.</summary>
    [Alias("Release")]
    Task<ReviewableOutcome> Release(string operatorId);

    /// <summary>An operator refuses a movement held for review: the money held for it is let go.</summary>
    [Alias("Reject")]
    Task<ReviewableOutcome> Reject(string operatorId, string? note);

    /// <summary>
    /// The family answers a sub-wallet's payment awaiting its approval (<see cref="MovementStatus.AwaitingApproval"/>): approved, it is
    /// planned again and carried out, spending the money held for it; declined or expired, the money is let go.
    /// </summary>
    [Alias("AnswerApproval")]
    Task<ReviewableOutcome> AnswerApproval(ApprovalAnswer answer);
}

/// <summary>The family's answer to a payment awaiting approval: who (the owner or a guardian; none when it expired) and whether yes.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.ApprovalAnswer")]
public sealed record ApprovalAnswer([property: Id(0)] string? StewardId, [property: Id(1)] bool Approve)
{
    public bool Expired => StewardId is null;
}
