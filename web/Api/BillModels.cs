namespace Wallet.Web.Api;

// Utility bills (生活缴费): billers, the customer's saved payees, a payee's current bill, its payments and its autopay mandate.

public sealed record AccountRule(int MinLength, int MaxLength, bool DigitsOnly, bool LuhnCheckDigit, string? Prefix);

public sealed record Biller(string BillerId, string Name, string? NameLatin, string Kind, string City, string Mode, AccountRule AccountRule,
    IReadOnlyList<long> Denominations, long MinAmount, long MaxAmount, string Currency, int ConfirmWithinMinutes, bool Paused);

public sealed record Autopay(string PayeeId, string WalletId, long CapPerBill, string Currency, DateTimeOffset Since);

public sealed record Payee(string PayeeId, string BillerId, string BillerName, string Kind, string Mode, string AccountNumber, string Nickname,
    int RemindDaysBefore, DateTimeOffset SavedAt, Autopay? Autopay);

public sealed record SavePayeeRequest(string BillerId, string AccountNumber, string? Nickname);

/// <summary>A payee's bill now: <c>unpaid</c>, <c>paid</c>, or <c>none</c> (nothing billed, or a prepaid account).</summary>
public sealed record CurrentBill(string PayeeId, string Status, string? BillRef, string? Period, long? Amount, string? Currency, DateOnly? IssuedOn,
    DateOnly? DueOn, string? PaymentId);

public sealed record PayeePayment(string PaymentId, string? BillRef, long Amount, string Currency, string BillerStatus, DateTimeOffset CreatedAt, bool ByAutopay);

/// <summary>No amount pays a postpaid bill as it stands; prepaid meters and top-ups name theirs.</summary>
public sealed record PayBillRequest(string WalletId, long? Amount, string Currency, string Pin);

public sealed record BillPayment(string PaymentId, string Status, string BillerStatus, string PayeeId, string AccountNumber, string? BillRef, long Amount,
    string Currency, bool ByAutopay, string? BillerReference, DateTimeOffset? ConfirmBy, string? RefundId, string? Reason, DateTimeOffset CreatedAt);

public sealed record AutopayRequest(string WalletId, long CapPerBill, string Currency, string Pin);

public sealed record OpsBiller(Biller Biller, long Owed, string Currency);

public sealed record LateConfirmation(string PaymentId, string CustomerId, string BillerId, string AccountNumber, long Amount, string Currency,
    string? BillerReference, string? RefundId, DateTimeOffset ConfirmedAt);

/// <summary>A biller the bank has a contract with; left-out amounts take the API's defaults (¥0.01 to ¥100,000, CNY).</summary>
public sealed record AddBillerRequest(string Name, string? NameLatin, string Kind, string City, string Mode, AccountRule AccountRule,
    IReadOnlyList<long>? Denominations, long? MinAmount, long? MaxAmount);
