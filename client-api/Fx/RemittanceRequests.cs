using Wallet.ClientApi.Contract;
using Wallet.ClientApi.Movements;
using Wallet.Fx;

namespace Wallet.ClientApi.Fx;

/// <summary>Money sent to an account at a bank abroad, through the bank's correspondent.</summary>
/// <param name="WalletId">The wallet that pays (<c>wal_…</c>), one of the caller's, in any offered currency.</param>
/// <param name="Amount">What the beneficiary's account is to receive, an integer in minor units of <c>currency</c> (a yen is 1).</param>
/// <param name="Currency">ISO 4217 code of the amount sent, any currency the bank offers; the wallet pays it converted when it is in another.</param>
/// <param name="Beneficiary">The account abroad.</param>
/// <param name="Purpose">Why the money is sent, as the bank must declare it: <c>family_support</c>, <c>education</c>, <c>travel</c>, <c>medical</c>, <c>goods</c>, <c>services</c> or <c>other</c>.</param>
/// <param name="Pin">The six-digit payment PIN; give it or <c>deviceSignature</c>, not both.</param>
/// <param name="DeviceSignature">A registered device's signature approving this remittance (kind <c>remittance</c>, the amount and currency sent, the beneficiary's account as payee), instead of the PIN.</param>
public sealed record RemittanceRequest(
    [property: RequiredField] string? WalletId,
    [property: RequiredField] long? Amount,
    [property: RequiredField] string? Currency,
    [property: RequiredField] BeneficiaryBody? Beneficiary,
    [property: RequiredField] RemittancePurpose? Purpose,
    string? Pin,
    DeviceSignatureBody? DeviceSignature);

/// <summary>The account abroad a remittance is for.</summary>
/// <param name="Name">The account holder's name as their bank knows it, 2 to 70 characters.</param>
/// <param name="BankCode">The beneficiary's bank by its SWIFT code (BIC): 8 or 11 capital letters and digits, such as <c>HSBCHKHHHKH</c>.</param>
/// <param name="Account">The account number or IBAN: 6 to 34 capital letters and digits, no spaces.</param>
public sealed record BeneficiaryBody(
    [property: RequiredField] string? Name,
    [property: RequiredField] string? BankCode,
    [property: RequiredField] string? Account);
