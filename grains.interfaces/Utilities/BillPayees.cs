namespace Wallet.Utilities;

/// <summary>
/// A customer's saved payees (one grain per customer): a biller and an account number there, with a nickname
/// ("家里的电费"), and the payments made to each. Account numbers are checked against the biller's rule when saved.
/// </summary>
[Alias("Wallet.IBillPayeesGrain")]
public interface IBillPayeesGrain : IGrainWithStringKey
{
    /// <summary>Saves a payee; the same biller and account saved again answers the payee already saved.</summary>
    [Alias("Save")]
    Task<SavedPayee> Save(string billerId, string accountNumber, string? nickname, int? remindDaysBefore);

    [Alias("Change")]
    Task<SavedPayee> Change(string payeeId, string? nickname, int? remindDaysBefore);

    /// <summary>Removes the payee: its autopay mandate ends with it; its payments stay on record.</summary>
    [Alias("Remove")]
    Task Remove(string payeeId);

    [Alias("List"), AlwaysInterleave]
    Task<IReadOnlyList<SavedPayee>> List();

    /// <summary>The payee, or null when the customer has none by this id (removed ones included: null).</summary>
    [Alias("Find"), AlwaysInterleave]
    Task<SavedPayee?> Find(string payeeId);

    /// <summary>What the payee's account owes now as the biller says, and the payment that settles it if one does; null when nothing is billed.</summary>
    [Alias("CurrentBill"), AlwaysInterleave]
    Task<PayeeBill?> CurrentBill(string payeeId);

    /// <summary>Notes a payment to a payee, or its new status (the payment's own record is what counts).</summary>
    [Alias("NotePayment")]
    Task NotePayment(string payeeId, BillPaymentNote note);

    /// <summary>The payee's payments, newest first.</summary>
    [Alias("ListPayments"), AlwaysInterleave]
    Task<IReadOnlyList<BillPaymentNote>> ListPayments(string payeeId);
}

/// <summary>A saved payee: <see cref="RemindDaysBefore"/> is how many days before a bill's due date the customer is told.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.SavedPayee")]
public sealed record SavedPayee(
    [property: Id(0)] string PayeeId,
    [property: Id(1)] string BillerId,
    [property: Id(2)] string AccountNumber,
    [property: Id(3)] string Nickname,
    [property: Id(4)] int RemindDaysBefore,
    [property: Id(5)] DateTimeOffset SavedAt);

/// <summary>A payee's current bill and the payment that settles it (null while unpaid).</summary>
[GenerateSerializer, Immutable, Alias("Wallet.PayeeBill")]
public sealed record PayeeBill([property: Id(0)] UtilityBill Bill, [property: Id(1)] string? PaidBy);

/// <summary>Where a bill payment stands with the biller.</summary>
public enum BillerStatus
{
    /// <summary>The wallet is debited and the biller has not yet confirmed.</summary>
    Pending = 0,

    /// <summary>The biller confirmed it with its reference.</summary>
    Paid = 1,

    /// <summary>The biller refused it, or did not confirm in its time: the money went back to the wallet.</summary>
    Refunded = 2,

    /// <summary>Refunded, and then the biller confirmed it after all: a case for the operators, never a second debit.</summary>
    ConfirmedAfterRefund = 3,

    /// <summary>Nothing moved (refused by the wallet, the limits or the PIN), or the payment is held for review.</summary>
    NotSent = 4,
}

/// <summary>One payment to a payee as the payee's list shows it.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.BillPaymentNote")]
public sealed record BillPaymentNote(
    [property: Id(0)] string PaymentId,
    [property: Id(1)] string? BillRef,
    [property: Id(2)] long Amount,
    [property: Id(3)] string Currency,
    [property: Id(4)] BillerStatus Status,
    [property: Id(5)] DateTimeOffset At,
    [property: Id(6)] bool ByAutopay);
