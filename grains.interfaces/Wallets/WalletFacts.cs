namespace Wallet.Wallets;

/// <summary>
/// The parts of a wallet that change rarely and need no transaction to read. <see cref="ReceivingTills"/>
/// is how many tills a credit goes through (0: credit the wallet's book).
/// </summary>
[GenerateSerializer, Immutable, Alias("Wallet.WalletFacts")]
public sealed record WalletFacts(
    [property: Id(0)] string WalletId,
    [property: Id(1)] string OwnerId,
    [property: Id(2)] string Currency,
    [property: Id(3)] WalletStatus Status,
    [property: Id(4)] DateTimeOffset OpenedAt,
    [property: Id(5)] int ReceivingTills = 0,
    [property: Id(6)] string? SubWalletId = null,
    [property: Id(7)] bool AutoTopUp = false);

/// <summary>Why an operator set a wallet's status, who, and when: kept with the wallet and carried by the change's event.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.StatusNote")]
public sealed record StatusNote([property: Id(0)] string Reason, [property: Id(1)] string By, [property: Id(2)] DateTimeOffset At);

/// <summary>
/// Whether money may move: <c>active</c> (in and out), <c>frozen</c> (money still comes in, none goes out; the owner
/// or an operator froze it), <c>receive_only</c> (an operator's hold: money comes in, none goes out) or
/// <c>closed</c> (for good: nothing moves).
/// </summary>
public enum WalletStatus
{
    Active = 0,
    Frozen = 1,
    ReceiveOnly = 2,
    Closed = 3,
}
