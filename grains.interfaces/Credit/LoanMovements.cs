using Wallet.Customers;
using Wallet.Movements;
using Wallet.Wallets;

namespace Wallet.Credit;

/// <summary>A loan's principal paid into the borrower's wallet from the bank's loan book (<c>lnd_…</c>), once per loan.</summary>
[Alias("Wallet.ILoanDrawdownGrain")]
public interface ILoanDrawdownGrain : IMovementGrain
{
    [Alias("Draw")]
    Task<LoanDrawdownReceipt> Draw(LoanDrawdownOrder order);
}

/// <summary>The borrower accepts the offer with their PIN or device; the loan's terms come from the loan, never from the request.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.LoanDrawdownOrder")]
public sealed record LoanDrawdownOrder(
    [property: Id(0)] string CustomerId,
    [property: Id(1)] string Fingerprint,
    [property: Id(2)] LoanTerms Terms,
    [property: Id(3)] PaymentAuthorisation Authorisation);

/// <summary>A drawdown as recorded: the loan's principal into the wallet.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.LoanDrawdownReceipt")]
public sealed record LoanDrawdownReceipt(
    [property: Id(0)] string LoanId,
    [property: Id(1)] string WalletId,
    [property: Id(2)] long Amount) : MovementOutcome
{
    public override MovementKind Kind => MovementKind.LoanDrawdown;

    public override MovementSides Sides => new(MovementSide.Loan(LoanId), MovementSide.Wallet(WalletId));

    protected override MoneyFlow Flow => new(null, WalletId, Amount, Amount);
}

/// <summary>A loan repaid from the borrower's wallet (<c>lnr_…</c>): an instalment, or everything left.</summary>
[Alias("Wallet.ILoanRepaymentGrain")]
public interface ILoanRepaymentGrain : IMovementGrain
{
    [Alias("Repay")]
    Task<LoanRepaymentReceipt> Repay(LoanRepaymentOrder order);

    /// <summary>The repayment as recorded, for its borrower; otherwise null.</summary>
    [Alias("Find")]
    Task<LoanRepaymentReceipt?> Find(string customerId);
}

/// <summary>
/// Repay a loan from one of the borrower's wallets: with their PIN or device, or (<see cref="ByAutopay"/>) by the autopay
/// they gave when they accepted the loan, on an instalment's due day.
/// </summary>
[GenerateSerializer, Immutable, Alias("Wallet.LoanRepaymentOrder")]
public sealed record LoanRepaymentOrder(
    [property: Id(0)] string CustomerId,
    [property: Id(1)] string Fingerprint,
    [property: Id(2)] string LoanId,
    [property: Id(3)] string WalletId,
    [property: Id(4)] RepaymentKind Repays,
    [property: Id(5)] PaymentAuthorisation Authorisation,
    [property: Id(6)] bool ByAutopay = false,
    [property: Id(7)] int? Instalment = null);

/// <summary>A repayment as recorded: what left the wallet, and how it split into principal, interest and late interest.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.LoanRepaymentReceipt")]
public sealed record LoanRepaymentReceipt(
    [property: Id(0)] string LoanId,
    [property: Id(1)] string WalletId,
    [property: Id(2)] RepaymentKind Repays,
    [property: Id(3)] int? Instalment,
    [property: Id(4)] long Amount,
    [property: Id(5)] long Principal,
    [property: Id(6)] long Interest,
    [property: Id(7)] long LateInterest,
    [property: Id(8)] bool ByAutopay) : MovementOutcome
{
    public override MovementKind Kind => MovementKind.LoanRepayment;

    public override MovementSides Sides => new(MovementSide.Wallet(WalletId), MovementSide.Loan(LoanId));

    protected override MoneyFlow Flow => new(WalletId, null, Amount, Amount);
}
