namespace Wallet.Movements;

/// <summary>
/// The movement's own record, in transactional state: written in the same transaction as the debit
/// and the credit, so it is there exactly when the money moved.
/// </summary>
[GenerateSerializer, Alias("Wallet.MovementRecord")]
public sealed class MovementRecord
{
    [Id(0)] public string? CustomerId { get; set; }
    [Id(1)] public string? Fingerprint { get; set; }
    [Id(2)] public MovementReceipt? Receipt { get; set; }

    /// <summary>For a payment: what its refunds have given back so far, never more than was paid.</summary>
    [Id(3)] public long Refunded { get; set; }

    /// <summary>While held for review: the order to carry out if an operator releases it (its PIN or signature left out).</summary>
    [Id(4)] public HeldOrder? Held { get; set; }

    /// <summary>For a payment: its refunds' ids, oldest first, written by each refund's transaction with <see cref="Refunded"/> (so a merchant can list them).</summary>
    [Id(5)] public List<string> Refunds { get; set; } = [];
}

/// <summary>What a movement held for review would do once released: a transfer, a QR payment or a withdrawal, planned again then.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.HeldOrder")]
public sealed record HeldOrder([property: Id(0)] TransferOrder? Transfer, [property: Id(1)] PaymentOrder? Payment, [property: Id(2)] WithdrawalOrder? Withdrawal = null);
