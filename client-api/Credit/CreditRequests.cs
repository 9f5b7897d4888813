using Wallet.ClientApi.Contract;
using Wallet.ClientApi.Movements;
using Wallet.Credit;

namespace Wallet.ClientApi.Credit;

/// <summary>An application for a consumer loan, repaid in equal monthly instalments.</summary>
/// <param name="Amount">The principal asked for, an integer in minor units of the currency (fen for CNY); the bank lends from ¥500 (<c>Wallet:Credit:MinimumAmount</c>).</param>
/// <param name="Currency">ISO 4217 code: the bank lends in its home currency (CNY).</param>
/// <param name="TermMonths">How many monthly instalments: 3, 6, 12 or 24.</param>
public sealed record LoanApplicationRequest([property: RequiredField] long? Amount, [property: RequiredField] string? Currency, [property: RequiredField] int? TermMonths);

/// <summary>The borrower's yes to the offer: the principal is paid into the wallet, and autopay repays from it.</summary>
/// <param name="WalletId">The caller's wallet the loan is paid into (<c>wal_…</c>), in the loan's currency.</param>
/// <param name="Pin">The six-digit payment PIN; give it or <c>deviceSignature</c>, not both.</param>
/// <param name="DeviceSignature">A registered device's signature over the contract (kind <c>loan_drawdown</c>, the principal, the loan's id as payee), instead of the PIN.</param>
public sealed record LoanAcceptanceRequest([property: RequiredField] string? WalletId, string? Pin, DeviceSignatureBody? DeviceSignature);

/// <summary>A repayment from one of the caller's wallets: an instalment, or everything left (early).</summary>
/// <param name="WalletId">The caller's wallet the money leaves (<c>wal_…</c>), in the loan's currency.</param>
/// <param name="Repays"><c>instalment</c> (the earliest unpaid one, or the one named in <c>instalment</c>) or <c>payoff</c> (everything left, at today's price).</param>
/// <param name="Instalment">The instalment's number, for <c>instalment</c>; left out, the earliest unpaid.</param>
/// <param name="Pin">The six-digit payment PIN; give it or <c>deviceSignature</c>, not both.</param>
/// <param name="DeviceSignature">A registered device's signature (kind <c>loan_repayment</c>, the amount the loan shows for it, the loan's id as payee), instead of the PIN.</param>
public sealed record LoanRepaymentRequest([property: RequiredField] string? WalletId, [property: RequiredField] RepaymentKind? Repays, int? Instalment, string? Pin,
    DeviceSignatureBody? DeviceSignature);

/// <summary>Autopay on (from a wallet of the caller's, with the PIN or a device signature) or off.</summary>
/// <param name="Enabled">True to repay each instalment on its due day from <c>walletId</c>; false to stop.</param>
/// <param name="WalletId">The caller's wallet autopay repays from (<c>wal_…</c>), when <c>enabled</c>.</param>
/// <param name="Pin">The six-digit payment PIN, when <c>enabled</c>; give it or <c>deviceSignature</c>.</param>
/// <param name="DeviceSignature">A registered device's signature (kind <c>autopay_mandate</c>, the loan's amount, the loan's id as payee and reference), instead of the PIN.</param>
public sealed record LoanAutopayRequest([property: RequiredField] bool? Enabled, string? WalletId, string? Pin, DeviceSignatureBody? DeviceSignature);
