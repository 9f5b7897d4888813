using Wallet.ClientApi.Contract;
using Wallet.ClientApi.Movements;
using Wallet.Utilities;

namespace Wallet.ClientApi.Utilities;

/// <summary>A biller and an account number there, saved to pay its bills.</summary>
/// <param name="BillerId">The biller (<c>bil_…</c>), from <c>GET /v1/billers</c>.</param>
/// <param name="AccountNumber">The account number at the biller (户号), as its bill prints it; checked against the biller's rule.</param>
/// <param name="Nickname">What the customer calls it (such as 家里的电费), up to 30 characters; the biller's name and the account's last four when left out.</param>
/// <param name="RemindDaysBefore">How many days before a bill is due the customer is told, 0 to 15; 3 when left out.</param>
public sealed record SavePayeeRequest([property: RequiredField] string? BillerId, [property: RequiredField] string? AccountNumber, string? Nickname, int? RemindDaysBefore);

/// <summary>A new nickname or reminder for a saved payee; what is left out stays.</summary>
/// <param name="Nickname">What the customer calls it, up to 30 characters.</param>
/// <param name="RemindDaysBefore">How many days before a bill is due the customer is told, 0 to 15.</param>
public sealed record ChangePayeeRequest(string? Nickname, int? RemindDaysBefore);

/// <summary>Pay a saved payee from one of the customer's wallets.</summary>
/// <param name="WalletId">The wallet the money leaves (<c>wal_…</c>), one of the caller's.</param>
/// <param name="Amount">
/// In minor units. For a biller that sends bills, the bill's amount (a bill is paid in full), or leave it out to pay
/// the bill as it stands; for a prepaid meter, any amount between the biller's minimum and maximum; for a phone top-up,
/// one of its denominations.
/// </param>
/// <param name="Currency">ISO 4217 code: the biller's and the wallet's.</param>
/// <param name="Pin">The six-digit payment PIN; give it or <c>deviceSignature</c>, not both.</param>
/// <param name="DeviceSignature">A registered device's signature over <c>bill_payment</c>, the amount, the currency, the payee id and the <c>Idempotency-Key</c>.</param>
public sealed record PayBillRequest([property: RequiredField] string? WalletId, long? Amount, [property: RequiredField] string? Currency, string? Pin, DeviceSignatureBody? DeviceSignature);

/// <summary>An autopay mandate for a payee: its bills paid on their due dates from a wallet, up to a cap per bill.</summary>
/// <param name="WalletId">The wallet the bills are paid from (<c>wal_…</c>), one of the caller's.</param>
/// <param name="CapPerBill">The most one bill may be to be paid automatically, in minor units; a larger bill is not paid and the customer is told.</param>
/// <param name="Currency">ISO 4217 code of the cap: the biller's and the wallet's.</param>
/// <param name="Pin">The six-digit payment PIN; give it or <c>deviceSignature</c>, not both.</param>
/// <param name="DeviceSignature">A registered device's signature over <c>autopay_mandate</c>, the cap, the currency, and the payee id as both payee and reference.</param>
public sealed record AutopayRequest([property: RequiredField] string? WalletId, [property: RequiredField] long? CapPerBill, [property: RequiredField] string? Currency,
    string? Pin, DeviceSignatureBody? DeviceSignature);

/// <summary>A biller the operators add.</summary>
/// <param name="Name">The biller's name as customers read it (such as 上海燃气), up to 40 characters.</param>
/// <param name="NameLatin">Its name in Latin letters, or null.</param>
/// <param name="Kind">What it bills for: <c>water</c>, <c>electricity</c>, <c>gas</c>, <c>mobile</c>, <c>broadband</c> or <c>property</c>.</param>
/// <param name="City">The city it serves (such as 上海), or 全国 for one that serves the whole country.</param>
/// <param name="Mode">How it is paid: <c>postpaid</c> (bills with due dates), <c>prepaid</c> (any amount within <c>minAmount</c>–<c>maxAmount</c>) or <c>denominations</c> (one of <c>denominations</c>).</param>
/// <param name="AccountRule">How its account numbers look.</param>
/// <param name="Denominations">For <c>denominations</c>: the amounts offered, in minor units.</param>
/// <param name="MinAmount">The least one payment may be, in minor units (1 when left out).</param>
/// <param name="MaxAmount">The most one payment may be, in minor units (¥100,000 when left out).</param>
/// <param name="Currency">ISO 4217 code it is paid in (CNY when left out).</param>
/// <param name="ConfirmWithinMinutes">How long it may take to confirm a payment before the customer is refunded, 1 to 10,080 (10 when left out).</param>
public sealed record AddBillerRequest(
    [property: RequiredField] string? Name,
    string? NameLatin,
    [property: RequiredField] BillerKind? Kind,
    [property: RequiredField] string? City,
    [property: RequiredField] BillingMode? Mode,
    [property: RequiredField] AccountRuleBody? AccountRule,
    IReadOnlyList<long>? Denominations,
    long? MinAmount,
    long? MaxAmount,
    string? Currency,
    int? ConfirmWithinMinutes);

/// <summary>How a biller's account numbers look. No patterns: a rule can never be made to run long.</summary>
/// <param name="MinLength">The fewest characters, 4 to 32.</param>
/// <param name="MaxLength">The most characters, from <c>minLength</c> to 32.</param>
/// <param name="DigitsOnly">Digits only (true), or letters and digits.</param>
/// <param name="LuhnCheckDigit">Whether the last digit is a Luhn check digit.</param>
/// <param name="Prefix">What every account number starts with, up to 8 letters or digits, or null.</param>
public sealed record AccountRuleBody([property: RequiredField] int? MinLength, [property: RequiredField] int? MaxLength, bool? DigitsOnly, bool? LuhnCheckDigit, string? Prefix);
