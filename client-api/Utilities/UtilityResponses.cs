using Wallet.ClientApi.Movements;
using Wallet.Movements;
using Wallet.Utilities;

namespace Wallet.ClientApi.Utilities;

/// <summary>A biller customers can pay.</summary>
/// <param name="BillerId">The biller's id (<c>bil_…</c>).</param>
/// <param name="Name">Its name as customers read it.</param>
/// <param name="NameLatin">Its name in Latin letters, or null.</param>
/// <param name="Kind"><c>water</c>, <c>electricity</c>, <c>gas</c>, <c>mobile</c>, <c>broadband</c> or <c>property</c>.</param>
/// <param name="City">The city it serves, or 全国.</param>
/// <param name="Mode"><c>postpaid</c> (bills with due dates, paid in full), <c>prepaid</c> (any amount from <c>minAmount</c> to <c>maxAmount</c>) or <c>denominations</c> (one of <c>denominations</c>).</param>
/// <param name="AccountRule">How its account numbers look.</param>
/// <param name="Denominations">The amounts a <c>denominations</c> biller takes, in minor units; empty otherwise.</param>
/// <param name="MinAmount">The least one payment may be, in minor units.</param>
/// <param name="MaxAmount">The most one payment may be, in minor units.</param>
/// <param name="Currency">ISO 4217 code it is paid in.</param>
/// <param name="ConfirmWithinMinutes">How long it may take to confirm a payment before the customer is refunded.</param>
/// <param name="Paused">Whether it takes no payments through the bank for now.</param>
public sealed record BillerResponse(string BillerId, string Name, string? NameLatin, BillerKind Kind, string City, BillingMode Mode, AccountRuleBody AccountRule,
    IReadOnlyList<long> Denominations, long MinAmount, long MaxAmount, string Currency, int ConfirmWithinMinutes, bool Paused)
{
    public static BillerResponse Of(BillerProfile b) => new(b.BillerId, b.Name, b.NameLatin, b.Kind, b.City, b.Mode,
        new AccountRuleBody(b.AccountRule.MinLength, b.AccountRule.MaxLength, b.AccountRule.DigitsOnly, b.AccountRule.LuhnCheckDigit, b.AccountRule.Prefix),
        b.Denominations, b.MinAmount, b.MaxAmount, b.Currency, (int)b.ConfirmWithin.TotalMinutes, b.Paused);
}

/// <summary>A biller as operators see it: with what the bank holds for it.</summary>
/// <param name="Biller">The biller.</param>
/// <param name="Owed">What customers have paid it that the bank holds (its clearing account), in minor units.</param>
/// <param name="Currency">ISO 4217 code of <c>owed</c>: the biller's.</param>
public sealed record OpsBillerResponse(BillerResponse Biller, long Owed, string Currency);

/// <summary>A saved payee.</summary>
/// <param name="PayeeId">The payee's id (<c>pye_…</c>).</param>
/// <param name="BillerId">The biller (<c>bil_…</c>).</param>
/// <param name="BillerName">The biller's name.</param>
/// <param name="Kind">What the biller bills for.</param>
/// <param name="Mode">How the biller is paid.</param>
/// <param name="AccountNumber">The account number at the biller.</param>
/// <param name="Nickname">What the customer calls it.</param>
/// <param name="RemindDaysBefore">How many days before a bill is due the customer is told.</param>
/// <param name="SavedAt">When it was saved, UTC, ISO 8601.</param>
/// <param name="Autopay">The autopay mandate, or null when there is none.</param>
public sealed record PayeeResponse(string PayeeId, string BillerId, string BillerName, BillerKind Kind, BillingMode Mode, string AccountNumber, string Nickname,
    int RemindDaysBefore, DateTimeOffset SavedAt, AutopayResponse? Autopay)
{
    public static PayeeResponse Of(SavedPayee p, BillerProfile? biller, AutopayMandate? mandate)
        => new(p.PayeeId, p.BillerId, biller?.Name ?? p.BillerId, biller?.Kind ?? BillerKind.Water, biller?.Mode ?? BillingMode.Postpaid, p.AccountNumber, p.Nickname,
            p.RemindDaysBefore, p.SavedAt, mandate is null ? null : AutopayResponse.Of(mandate));
}

/// <summary>An autopay mandate: the payee's bills paid on their due dates, up to the cap.</summary>
/// <param name="PayeeId">The payee (<c>pye_…</c>).</param>
/// <param name="WalletId">The wallet the bills are paid from.</param>
/// <param name="CapPerBill">The most one bill may be to be paid automatically, in minor units.</param>
/// <param name="Currency">ISO 4217 code of the cap.</param>
/// <param name="Since">When the mandate was given, UTC, ISO 8601.</param>
/// <param name="PausedAt">When a report of loss paused it (it pays nothing until set again with the PIN), UTC, ISO 8601; null while it pays.</param>
public sealed record AutopayResponse(string PayeeId, string WalletId, long CapPerBill, string Currency, DateTimeOffset Since, DateTimeOffset? PausedAt)
{
    public static AutopayResponse Of(AutopayMandate m) => new(m.PayeeId, m.WalletId, m.CapPerBill, m.Currency, m.Since, m.PausedAt);
}

/// <summary>What a payee's account owes now, as the biller says.</summary>
/// <param name="PayeeId">The payee (<c>pye_…</c>).</param>
/// <param name="Status"><c>unpaid</c>, <c>paid</c> (a payment settles it, or is with the biller: <c>paymentId</c>), or <c>none</c> when nothing is billed (paid up, or a prepaid account).</param>
/// <param name="BillRef">The biller's reference for the bill, or null.</param>
/// <param name="Period">The month billed, <c>yyyy-MM</c>, or null.</param>
/// <param name="Amount">What the bill asks, in minor units, or null.</param>
/// <param name="Currency">ISO 4217 code of the amount, or null.</param>
/// <param name="IssuedOn">The day it was issued (Asia/Shanghai), <c>yyyy-MM-dd</c>, or null.</param>
/// <param name="DueOn">The day it is due (Asia/Shanghai), <c>yyyy-MM-dd</c>, or null.</param>
/// <param name="PaymentId">The payment that settles it (<c>bp_…</c>), or null.</param>
public sealed record CurrentBillResponse(string PayeeId, string Status, string? BillRef, string? Period, long? Amount, string? Currency, DateOnly? IssuedOn, DateOnly? DueOn, string? PaymentId)
{
    public static CurrentBillResponse Of(string payeeId, PayeeBill? current) => current is not { Bill: var b }
        ? new(payeeId, "none", null, null, null, null, null, null, null)
        : new(payeeId, current.PaidBy is null ? "unpaid" : "paid", b.BillRef, b.Period, b.Amount, b.Currency, b.IssuedOn, b.DueOn, current.PaidBy);
}

/// <summary>A bill payment and where it stands with the biller.</summary>
/// <param name="PaymentId">The payment's id (<c>bp_…</c>), the same for every replay of its <c>Idempotency-Key</c>.</param>
/// <param name="Status">The money: <c>completed</c> when it left the wallet for the biller, <c>held_for_review</c> when risk control holds it, <c>refused</c>.</param>
/// <param name="BillerStatus">The biller's word: <c>pending</c> (not confirmed yet), <c>paid</c>, <c>refunded</c> (refused or not confirmed in time: the money is back), <c>confirmed_after_refund</c> (the biller confirmed after the refund: the bank takes it up with the biller), or <c>not_sent</c>.</param>
/// <param name="PayeeId">The payee paid (<c>pye_…</c>).</param>
/// <param name="From">The wallet the money left (<c>walletId</c>).</param>
/// <param name="To">The biller (<c>billerId</c>).</param>
/// <param name="AccountNumber">The account paid at the biller.</param>
/// <param name="BillRef">The bill paid, or null for a top-up or a prepaid meter.</param>
/// <param name="Amount">The amount, in minor units.</param>
/// <param name="Currency">ISO 4217 code of the amount.</param>
/// <param name="ByAutopay">Whether the customer's autopay mandate paid it.</param>
/// <param name="BillerReference">The biller's reference once it confirmed, or null.</param>
/// <param name="ConfirmBy">When the biller's time to confirm runs out (then the money comes back), or null.</param>
/// <param name="RefundId">The refund that gave the money back (<c>br_…</c>), or null.</param>
/// <param name="Reason">Why it was refunded, or null.</param>
/// <param name="CreatedAt">When the bank accepted the payment, UTC, ISO 8601.</param>
public sealed record BillPaymentResponse(string PaymentId, MovementStatus Status, BillerStatus BillerStatus, string PayeeId, Party From, Party To, string AccountNumber,
    string? BillRef, long Amount, string Currency, bool ByAutopay, string? BillerReference, DateTimeOffset? ConfirmBy, string? RefundId, string? Reason, DateTimeOffset CreatedAt)
{
    public static BillPaymentResponse Of(BillPaymentView v)
    {
        var r = v.Receipt;
        var (from, to) = Party.Of(r);
        return new(r.MovementId, r.Status, v.BillerStatus, r.PayeeId, from, to, r.AccountNumber, r.BillRef, r.Amount, r.Currency, r.ByMandate,
            v.Biller?.Reference, v.Biller?.ConfirmBy, v.Biller?.RefundId, v.Biller?.Reason, r.CreatedAt);
    }
}

/// <summary>One payment to a payee, as its list shows it.</summary>
/// <param name="PaymentId">The payment (<c>bp_…</c>).</param>
/// <param name="BillRef">The bill paid, or null.</param>
/// <param name="Amount">The amount, in minor units.</param>
/// <param name="Currency">ISO 4217 code of the amount.</param>
/// <param name="BillerStatus"><c>pending</c>, <c>paid</c>, <c>refunded</c> or <c>confirmed_after_refund</c>.</param>
/// <param name="CreatedAt">When it was paid, UTC, ISO 8601.</param>
/// <param name="ByAutopay">Whether the autopay mandate paid it.</param>
public sealed record PayeePaymentResponse(string PaymentId, string? BillRef, long Amount, string Currency, BillerStatus BillerStatus, DateTimeOffset CreatedAt, bool ByAutopay)
{
    public static PayeePaymentResponse Of(BillPaymentNote n) => new(n.PaymentId, n.BillRef, n.Amount, n.Currency, n.Status, n.At, n.ByAutopay);
}

/// <summary>A bill payment the biller confirmed after the bank refunded it: the bank must recover the money from the biller.</summary>
/// <param name="PaymentId">The payment (<c>bp_…</c>).</param>
/// <param name="CustomerId">The customer who paid and was refunded.</param>
/// <param name="BillerId">The biller.</param>
/// <param name="AccountNumber">The account paid.</param>
/// <param name="Amount">The amount, in minor units.</param>
/// <param name="Currency">ISO 4217 code of the amount.</param>
/// <param name="BillerReference">The biller's reference in its late confirmation.</param>
/// <param name="RefundId">The refund that gave the money back (<c>br_…</c>).</param>
/// <param name="ConfirmedAt">When the late confirmation was heard, UTC, ISO 8601.</param>
public sealed record LateConfirmationResponse(string PaymentId, string CustomerId, string BillerId, string AccountNumber, long Amount, string Currency,
    string? BillerReference, string? RefundId, DateTimeOffset ConfirmedAt)
{
    public static LateConfirmationResponse Of(LateConfirmation c)
        => new(c.PaymentId, c.CustomerId, c.BillerId, c.AccountNumber, c.Amount, c.Currency, c.BillerReference, c.RefundId, c.ConfirmedAt);
}
