using Wallet.Customers;
using Wallet.Wallets;

namespace Wallet.Movements;

/// <summary>A customer brings money into a wallet from one of their bound cards.</summary>
[Alias("Wallet.ITopUpGrain")]
public interface ITopUpGrain : IMovementGrain
{
    [Alias("TopUp")]
    Task<TopUpReceipt> TopUp(TopUpOrder order);

    /// <summary>The top-up as recorded, for the customer who asked for it; otherwise null.</summary>
    [Alias("Find")]
    Task<TopUpReceipt?> Find(string customerId);
}

/// <summary>A customer sends money out of a wallet to one of their bound cards.</summary>
[Alias("Wallet.IWithdrawalGrain")]
public interface IWithdrawalGrain : IReviewableMovementGrain
{
    [Alias("Withdraw")]
    Task<WithdrawalReceipt> Withdraw(WithdrawalOrder order);

    /// <summary>The withdrawal as recorded, for the customer who asked for it; otherwise null.</summary>
    [Alias("Find")]
    Task<WithdrawalReceipt?> Find(string customerId);
}

/// <summary>Bring money in from a bound card.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.TopUpOrder")]
public sealed record TopUpOrder(
    [property: Id(0)] string CustomerId,
    [property: Id(1)] string Fingerprint,
    [property: Id(2)] string WalletId,
    [property: Id(3)] string CardId,
    [property: Id(4)] long Amount,
    [property: Id(5)] string Currency);

/// <summary>Send money out to a bound card.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.WithdrawalOrder")]
public sealed record WithdrawalOrder(
    [property: Id(0)] string CustomerId,
    [property: Id(1)] string Fingerprint,
    [property: Id(2)] string WalletId,
    [property: Id(3)] string CardId,
    [property: Id(4)] long Amount,
    [property: Id(5)] string Currency,
    [property: Id(6)] PaymentAuthorisation Authorisation)
{
    public override string ToString() => $"WithdrawalOrder {{ Wallet = {WalletId}, Amount = {Amount} {Currency} }}";
}

/// <summary>A top-up as recorded: the card charged and the wallet credited.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.TopUpReceipt")]
public sealed record TopUpReceipt([property: Id(0)] string CardId, [property: Id(1)] string WalletId, [property: Id(2)] long Amount) : MovementOutcome
{
    public override MovementKind Kind => MovementKind.TopUp;

    public override MovementSides Sides => new(MovementSide.Card(CardId), MovementSide.Wallet(WalletId));

    protected override MoneyFlow Flow => new(null, WalletId, Amount, Amount);
}

/// <summary>A withdrawal as recorded: the wallet debited and the card paid.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.WithdrawalReceipt")]
public sealed record WithdrawalReceipt([property: Id(0)] string WalletId, [property: Id(1)] string CardId, [property: Id(2)] long Amount) : ReviewableOutcome
{
    public override MovementKind Kind => MovementKind.Withdrawal;

    public override MovementSides Sides => new(MovementSide.Wallet(WalletId), MovementSide.Card(CardId));

    protected override MoneyFlow Flow => new(WalletId, null, Amount, Amount);

    public override string HeldWalletId => WalletId;

    public override long HeldAmount => Amount;

    public override long SenderPays => Amount;
}
