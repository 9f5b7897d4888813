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
}
