using Wallet.Refusals;

namespace Wallet.Movements;

/// <summary>
/// One money movement, keyed by the caller's idempotency key (see <c>Ids.ForIdempotencyKey</c>).
/// It is the single writer for that key: it runs the grain transaction that debits, credits and
/// records its own outcome together, so a replay returns the recorded outcome and never moves twice.
/// </summary>
[Alias("Wallet.IMovementGrain")]
public interface IMovementGrain : IGrainWithStringKey
{
    [Alias("Transfer")]
    Task<MovementReceipt> Transfer(TransferOrder order);

    [Alias("TopUp")]
    Task<MovementReceipt> TopUp(TopUpOrder order);

    [Alias("Withdraw")]
    Task<MovementReceipt> Withdraw(WithdrawalOrder order);

    /// <summary>Pays a merchant's QR code: the code's claim, the payer's debit and the merchant's credit in one transaction.</summary>
    [Alias("Pay")]
    Task<MovementReceipt> Pay(PaymentOrder order);

    /// <summary>
    /// A merchant charges a customer's payment code: completed at once, or (above ¥1,000, or after ten
    /// code payments that day) pending until the payer confirms within two minutes.
    /// </summary>
    [Alias("Charge")]
    Task<MovementReceipt> Charge(ChargeOrder order);

    /// <summary>The payer confirms a pending charge with the PIN or a device signature; the money moves then.</summary>
    /// <summary>An operator lets a movement held for review go: planned again and carried out, spending the money held for it.</summary>
    [Alias("Release")]
    Task<MovementReceipt> Release(string operatorId);

    /// <summary>An operator refuses a movement held for review: the money held for it is let go.</summary>
    [Alias("Reject")]
    Task<MovementReceipt> Reject(string operatorId, string? note);

    [Alias("Confirm")]
    Task<MovementReceipt> Confirm(string customerId, Customers.PaymentAuthorisation authorisation);

    /// <summary>
    /// Settles a merchant's wallet in one transaction: its whole balance out, the net to the
    /// settlement clearing account (paid to the bank card after commit), the fee to the fee account.
    /// The receipt's amount is the gross; its memo says the fee.
    /// </summary>
    [Alias("Settle")]
    Task<MovementReceipt> Settle(SettlementOrder order);

    /// <summary>Holds an amount in the payer's wallet for the merchant (the code claimed with it); it expires on its own.</summary>
    [Alias("Authorize")]
    Task<MovementReceipt> Authorize(AuthorizationOrder order);

    /// <summary>Captures all or part of an authorisation: the hold let go and the amount paid, in one transaction.</summary>
    [Alias("Capture")]
    Task<MovementReceipt> Capture(string merchantId, long amount);

    /// <summary>Lets an authorisation go without paying.</summary>
    [Alias("Void")]
    Task<MovementReceipt> Void(string merchantId);

    /// <summary>Refunds part or all of a merchant's payment: the payment's refunded total, the merchant's debit and the payer's credit in one transaction.</summary>
    [Alias("Refund")]
    Task<MovementReceipt> Refund(RefundOrder order);

    /// <summary>
    /// Inside a refund's transaction, on the payment: counts <paramref name="amount"/> against what was
    /// paid, or says why not (not this merchant's completed payment, or more than is left to refund).
    /// </summary>
    [Alias("AddRefund"), Transaction(TransactionOption.Join), AlwaysInterleave]
    Task<Refusal?> AddRefund(string merchantId, long amount, string refundId);

    /// <summary>A merchant's completed payment as recorded, or null when it is not theirs.</summary>
    [Alias("FindPayment")]
    Task<MovementReceipt?> FindPayment(string merchantId);

    /// <summary>The recorded outcome if <paramref name="callerId"/> asked for this movement; otherwise null.</summary>
    [Alias("Find")]
    Task<MovementReceipt?> Find(string callerId);

    /// <summary>
    /// What a merchant may retrieve: its own charges, authorisations and refunds in any state, and a
    /// customer's QR payment to it once completed (the merchant's money arrived); otherwise null.
    /// </summary>
    [Alias("FindForMerchant")]
    Task<MovementReceipt?> FindForMerchant(string merchantId);

    /// <summary>A payment <paramref name="customerId"/> paid: a QR payment they sent, or a merchant's charge or authorisation of their payment code; otherwise null.</summary>
    [Alias("FindForPayer")]
    Task<MovementReceipt?> FindForPayer(string customerId);

    /// <summary>A completed transfer into a wallet <paramref name="customerId"/> owns; otherwise null.</summary>
    [Alias("FindForRecipient")]
    Task<MovementReceipt?> FindForRecipient(string customerId);

    /// <summary>The ids of a merchant's payment's refunds, oldest first; null when it is not that merchant's payment.</summary>
    [Alias("ListRefunds")]
    Task<IReadOnlyList<string>?> ListRefunds(string merchantId);

    /// <summary>
    /// Publishes the events of the recorded outcome again (after a crash or a failed publish); false
    /// when nothing is recorded (not committed yet, or never).
    /// </summary>
    [Alias("Republish")]
    Task<bool> Republish();
}
