namespace Wallet.Utilities;

/// <summary>
/// A customer's bill calendar (one grain per customer): a durable reminder that looks at each saved payee's bill
/// and tells the customer before it is due and when it is overdue, and pays it on its due date where the customer
/// has given an autopay mandate. A tick that comes twice (a restart, a retry) tells and pays once.
/// </summary>
[Alias("Wallet.IBillCalendarGrain")]
public interface IBillCalendarGrain : IGrainWithStringKey
{
    /// <summary>Starts the reminder if it is not running (a postpaid payee was saved).</summary>
    [Alias("Watch")]
    Task Watch();

    /// <summary>
    /// Sets (or replaces) a payee's mandate with the customer's PIN or a device signature over
    /// <c>autopay_mandate</c>, the cap, the currency and the payee id (as payee and as reference).
    /// </summary>
    [Alias("SetMandate")]
    Task<AutopayMandate> SetMandate(string payeeId, string walletId, long capPerBill, string currency, Customers.PaymentAuthorisation authorisation);

    /// <summary>Ends a payee's mandate at once; false when it had none.</summary>
    [Alias("CancelMandate")]
    Task<bool> CancelMandate(string payeeId);

    /// <summary>A report of loss: every mandate paused (kept, not paying) until the customer sets it again with their new PIN. Answers how many it paused.</summary>
    [Alias("PauseMandates")]
    Task<int> PauseMandates();

    [Alias("ListMandates"), AlwaysInterleave]
    Task<IReadOnlyList<AutopayMandate>> ListMandates();

    /// <summary>Whether a mandate for the payee covers paying <paramref name="amount"/> from <paramref name="walletId"/> now (asked by the payment it started).</summary>
    [Alias("Covers"), AlwaysInterleave]
    Task<bool> Covers(string payeeId, string walletId, long amount);

    /// <summary>What the reminder's tick does: every payee's bill looked at once. Answers what it did, for the operators' and tests' eyes.</summary>
    [Alias("Check")]
    Task<IReadOnlyList<string>> Check();
}

/// <summary>The customer's standing order to pay a payee's bills from a wallet on their due date, up to a cap per bill.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.AutopayMandate")]
public sealed record AutopayMandate(
    [property: Id(0)] string PayeeId,
    [property: Id(1)] string WalletId,
    [property: Id(2)] long CapPerBill,
    [property: Id(3)] string Currency,
    [property: Id(4)] DateTimeOffset Since,
    [property: Id(5)] DateTimeOffset? PausedAt = null);
