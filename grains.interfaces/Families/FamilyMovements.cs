using Wallet.Customers;
using Wallet.Movements;
using Wallet.Wallets;

namespace Wallet.Families;

/// <summary>The family's owner or a guardian puts money from one of their wallets into a sub-wallet (<c>ft_…</c>).</summary>
[Alias("Wallet.IFamilyTopUpGrain")]
public interface IFamilyTopUpGrain : IMovementGrain
{
    [Alias("TopUp")]
    Task<FamilyTopUpReceipt> TopUp(FamilyTopUpOrder order);

    /// <summary>The top-up as recorded, for whoever sent it; otherwise null.</summary>
    [Alias("Find")]
    Task<FamilyTopUpReceipt?> Find(string customerId);
}

/// <summary>Top up a sub-wallet from one of the caller's wallets in its currency, with the caller's PIN or device signature.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.FamilyTopUpOrder")]
public sealed record FamilyTopUpOrder(
    [property: Id(0)] string CustomerId,
    [property: Id(1)] string Fingerprint,
    [property: Id(2)] string SubWalletId,
    [property: Id(3)] string FromWalletId,
    [property: Id(4)] long Amount,
    [property: Id(5)] PaymentAuthorisation Authorisation)
{
    public override string ToString() => $"FamilyTopUpOrder {{ SubWallet = {SubWalletId}, Amount = {Amount} }}";
}

/// <summary>Money between a steward's wallet and a sub-wallet as recorded: a top-up into it, or a take-back out of it.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.FamilyMovementOutcome")]
public abstract record FamilyMovementOutcome(
    [property: Id(0)] string SubWalletId,
    [property: Id(1)] string FromWalletId,
    [property: Id(2)] string ToWalletId,
    [property: Id(3)] long Amount) : MovementOutcome
{
    public override MovementSides Sides => new(MovementSide.Wallet(FromWalletId), MovementSide.Wallet(ToWalletId));

    protected override MoneyFlow Flow => new(FromWalletId, ToWalletId, Amount, Amount);
}

/// <summary>A top-up of a sub-wallet as recorded: from the steward's wallet into the member's.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.FamilyTopUpReceipt")]
public sealed record FamilyTopUpReceipt(string SubWalletId, string FromWalletId, string ToWalletId, long Amount)
    : FamilyMovementOutcome(SubWalletId, FromWalletId, ToWalletId, Amount)
{
    public override MovementKind Kind => MovementKind.FamilyTopUp;
}

/// <summary>
/// Everything left in a sub-wallet goes back (<c>fb_…</c>): a steward takes it back into a wallet of theirs, or the
/// sub-wallet ended and it goes to the wallet that funded it last (the id then made from the sub-wallet's, so it happens once).
/// </summary>
[Alias("Wallet.IFamilyTakeBackGrain")]
public interface IFamilyTakeBackGrain : IMovementGrain
{
    [Alias("TakeBack")]
    Task<FamilyTakeBackReceipt> TakeBack(FamilyTakeBackOrder order);

    /// <summary>The take-back as recorded, for whoever asked for it; otherwise null.</summary>
    [Alias("Find")]
    Task<FamilyTakeBackReceipt?> Find(string customerId);
}

/// <summary>
/// Take back what is left in a sub-wallet into <see cref="ToWalletId"/>. <see cref="CustomerId"/> is the steward asking,
/// or the sub-wallet's id when it ended by itself (then <see cref="ToWalletId"/> is the wallet that funded it last).
/// </summary>
[GenerateSerializer, Immutable, Alias("Wallet.FamilyTakeBackOrder")]
public sealed record FamilyTakeBackOrder(
    [property: Id(0)] string CustomerId,
    [property: Id(1)] string Fingerprint,
    [property: Id(2)] string SubWalletId,
    [property: Id(3)] string ToWalletId);

/// <summary>A take-back as recorded: all that was free in the member's wallet, back into the steward's.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.FamilyTakeBackReceipt")]
public sealed record FamilyTakeBackReceipt(string SubWalletId, string FromWalletId, string ToWalletId, long Amount)
    : FamilyMovementOutcome(SubWalletId, FromWalletId, ToWalletId, Amount)
{
    public override MovementKind Kind => MovementKind.FamilyTakeBack;
}
