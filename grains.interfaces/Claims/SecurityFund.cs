using Wallet.Movements;
using Wallet.Wallets;

namespace Wallet.Claims;

/// <summary>
/// The security fund pays a customer an upheld claim (<c>cp_…</c>, the id derived from the claim's): in one transaction
/// the fund's clearing account, which must hold the amount, pays it and the customer's wallet receives it.
/// </summary>
[Alias("Wallet.IClaimPaymentGrain")]
public interface IClaimPaymentGrain : IMovementGrain
{
    [Alias("Pay")]
    Task<ClaimPaymentReceipt> Pay(ClaimPaymentOrder order);

    /// <summary>Takes provisional credit back from the customer's wallet into the fund (a claim rejected after it): only if the wallet holds it.</summary>
    [Alias("Reverse")]
    Task<ClaimPaymentReceipt> Reverse(ClaimPaymentOrder order);

    /// <summary>The payment as recorded, for the customer it paid; otherwise null.</summary>
    [Alias("Find")]
    Task<ClaimPaymentReceipt?> Find(string customerId);
}

[GenerateSerializer, Immutable, Alias("Wallet.ClaimPaymentOrder")]
public sealed record ClaimPaymentOrder(
    [property: Id(0)] string ClaimId,
    [property: Id(1)] string CustomerId,
    [property: Id(2)] string WalletId,
    [property: Id(3)] long Amount,
    [property: Id(4)] string Currency);

/// <summary>The fund's payment as recorded: the claim's amount into the customer's wallet.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.ClaimPaymentReceipt")]
public sealed record ClaimPaymentReceipt(
    [property: Id(0)] string ClaimId,
    [property: Id(1)] string CustomerId,
    [property: Id(2)] string WalletId,
    [property: Id(3)] long Amount) : MovementOutcome
{
    /// <summary>Provisional credit taken back from the wallet into the fund (the claim rejected after it), rather than paid.</summary>
    [Id(4)] public bool Reversal { get; init; }

    public override MovementKind Kind => MovementKind.Compensation;

    public override MovementSides Sides => Reversal
        ? new(MovementSide.Wallet(WalletId), MovementSide.Claim(ClaimId))
        : new(MovementSide.Claim(ClaimId), MovementSide.Wallet(WalletId));

    protected override MoneyFlow Flow => Reversal ? new(WalletId, null, Amount, Amount) : new(null, WalletId, Amount, Amount);
}

/// <summary>
/// An operator moves the bank's own money into the security fund (<c>sfd_…</c>, from the operator and the request's
/// idempotency key): the bank's capital account pays, the fund receives, in one transaction, once.
/// </summary>
[Alias("Wallet.ISecurityFundDepositGrain")]
public interface ISecurityFundDepositGrain : IGrainWithStringKey
{
    [Alias("Deposit")]
    Task<FundDepositAnswer> Deposit(string operatorId, string fingerprint, long amount, string currency);
}

[GenerateSerializer, Immutable, Alias("Wallet.FundDeposit")]
public sealed record FundDeposit(
    [property: Id(0)] string DepositId,
    [property: Id(1)] string OperatorId,
    [property: Id(2)] long Amount,
    [property: Id(3)] string Currency,
    [property: Id(4)] DateTimeOffset At);

[GenerateSerializer, Immutable, Alias("Wallet.FundDepositAnswer")]
public sealed record FundDepositAnswer([property: Id(0)] FundDeposit Deposit, [property: Id(1)] bool Replayed);

/// <summary>
/// The security fund's register in one currency (keyed by it): what was deposited and what it paid, each counted once
/// by its id, after the commit that moved the money. The balance itself is the clearing account's, read from the books.
/// </summary>
[Alias("Wallet.ISecurityFundGrain")]
public interface ISecurityFundGrain : IGrainWithStringKey
{
    [Alias("NoteDeposit")]
    Task NoteDeposit(FundDeposit deposit);

    [Alias("NotePayment")]
    Task NotePayment(FundPayment payment);

    [Alias("GetOverview")]
    Task<FundOverview> GetOverview();
}

[GenerateSerializer, Immutable, Alias("Wallet.FundPayment")]
public sealed record FundPayment(
    [property: Id(0)] string MovementId,
    [property: Id(1)] string ClaimId,
    [property: Id(2)] string CustomerId,
    [property: Id(3)] long Amount,
    [property: Id(4)] DateTimeOffset At);

/// <summary>The fund's balance (its clearing account, from the books), what was deposited and what it paid, newest payments first.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.FundOverview")]
public sealed record FundOverview(
    [property: Id(0)] string Currency,
    [property: Id(1)] long Balance,
    [property: Id(2)] long Deposited,
    [property: Id(3)] long Paid,
    [property: Id(4)] int PaymentCount,
    [property: Id(5)] IReadOnlyList<FundPayment> RecentPayments);
