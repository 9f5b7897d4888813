using Wallet.Customers;
using Wallet.Wallets;

namespace Wallet.Movements;

/// <summary>A customer sends money from one of their wallets to another wallet, named directly or by its owner's phone.</summary>
[Alias("Wallet.ITransferGrain")]
public interface ITransferGrain : IReviewableMovementGrain
{
    [Alias("Transfer")]
    Task<TransferReceipt> Transfer(TransferOrder order);

    /// <summary>The transfer as recorded, for its sender (in any state) or the owner of the wallet it reached (once completed); otherwise null.</summary>
    [Alias("Find")]
    Task<TransferReceipt?> Find(string customerId);
}

/// <summary>Send money from one of the caller's wallets to another wallet, named directly or by its owner's phone.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.TransferOrder")]
public sealed record TransferOrder(
    [property: Id(0)] string CustomerId,
    [property: Id(1)] string Fingerprint,
    [property: Id(2)] string FromWalletId,
    [property: Id(3)] string? ToWalletId,
    [property: Id(4)] string? ToPhone,
    [property: Id(5)] long Amount,
    [property: Id(6)] string Currency,
    [property: Id(7)] string? Memo,
    [property: Id(8)] PaymentAuthorisation Authorisation)
{
    public override string ToString() => $"TransferOrder {{ From = {FromWalletId}, Amount = {Amount} {Currency} }}";
}

/// <summary>A transfer as recorded: from one wallet to another (the receiving wallet also when it was sent to a phone number).</summary>
[GenerateSerializer, Immutable, Alias("Wallet.TransferReceipt")]
public sealed record TransferReceipt(
    [property: Id(0)] string FromWalletId,
    [property: Id(1)] string ToWalletId,
    [property: Id(2)] long Amount,
    [property: Id(3)] string? Memo) : ReviewableOutcome
{
    public override MovementKind Kind => MovementKind.Transfer;

    public override MovementSides Sides => new(MovementSide.Wallet(FromWalletId), MovementSide.Wallet(ToWalletId));

    protected override MoneyFlow Flow => new(FromWalletId, ToWalletId, Amount, Amount);

    public override string HeldWalletId => FromWalletId;

    public override long HeldAmount => Amount;

    public override long SenderPays => Amount;
}
