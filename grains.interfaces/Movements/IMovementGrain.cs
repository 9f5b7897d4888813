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

    /// <summary>The recorded outcome if <paramref name="callerId"/> asked for this movement; otherwise null.</summary>
    [Alias("Find")]
    Task<MovementReceipt?> Find(string callerId);
}
