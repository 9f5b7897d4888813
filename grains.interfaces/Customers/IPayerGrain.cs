namespace Wallet.Customers;

/// <summary>
/// The customer at a merchant's till, keyed by the customer id: the payment codes they show, the day's count
/// of code payments (past the allowance a charge waits for confirming), those waiting charges, and coupons.
/// </summary>
[Alias("Wallet.IPayerGrain")]
public interface IPayerGrain : IGrainWithStringKey
{
    /// <summary>A single-use payment code for one of the customer's wallets, valid 60 seconds.</summary>
    [Alias("IssuePaymentCode")]
    Task<Merchants.PaymentCode> IssuePaymentCode(string walletId);

    [Alias("CodePaymentsToday")]
    Task<int> CodePaymentsToday();

    [Alias("NoteCodePayment")]
    Task NoteCodePayment();

    /// <summary>A merchant's charge now waits for this customer's confirmation.</summary>
    [Alias("NotePendingCharge")]
    Task NotePendingCharge(Merchants.PendingCharge charge);

    [Alias("ForgetPendingCharge")]
    Task ForgetPendingCharge(string paymentId);

    /// <summary>Charges still waiting for confirmation, the soonest to expire last.</summary>
    [Alias("ListPendingCharges")]
    Task<IReadOnlyList<Merchants.PendingCharge>> ListPendingCharges();

    /// <summary>
    /// A report of loss: every payment code still unexpired can no longer be charged, and the charges waiting for the customer's
    /// confirmation are forgotten here. Answers how many codes it voided and the waiting charges' ids, which the caller refuses
    /// (<c>payment_voided</c>): a charge being confirmed calls back here, so this grain must not wait on one.
    /// </summary>
    [Alias("VoidOutstanding")]
    Task<(int Codes, IReadOnlyList<string> Charges)> VoidOutstanding();
    /// <summary>A merchant issued the customer a coupon: it appears in the customer's list.</summary>
    [Alias("NoteCoupon")]
    Task NoteCoupon(string couponId);

    /// <summary>The customer's coupons, newest first, used and expired ones included.</summary>
    [Alias("ListCoupons")]
    Task<IReadOnlyList<Promotions.CouponView>> ListCoupons();
}
