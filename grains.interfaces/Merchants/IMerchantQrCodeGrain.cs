using Wallet.Refusals;

namespace Wallet.Merchants;

/// <summary>
/// One QR code a merchant presents. A dynamic code (amount fixed) pays once and may expire; a static
/// one (the customer enters the amount) pays any number of times. Its state is transactional, so the
/// payment that uses a dynamic code marks it used in the same transaction that moves the money.
/// Keyed by code id (derived from the merchant's order id when it gave one).
/// </summary>
[Alias("Wallet.IMerchantQrCodeGrain")]
public interface IMerchantQrCodeGrain : IGrainWithStringKey
{
    /// <summary>Records the code; the same order again returns the code already issued, another request under it is refused.</summary>
    [Alias("Issue"), Transaction(TransactionOption.Create)]
    Task<QrCode> Issue(QrCode code);

    /// <summary>The code, and why a payment of <paramref name="amount"/> at <paramref name="at"/> would be refused now (used, expired, another amount).</summary>
    [Alias("Inspect"), Transaction(TransactionOption.CreateOrJoin), AlwaysInterleave]
    Task<QrCodeCheck> Inspect(long amount, DateTimeOffset at);

    /// <summary>Inside a payment's transaction: refuses a used or expired code or another amount; marks a dynamic code used.</summary>
    [Alias("Claim"), Transaction(TransactionOption.Join), AlwaysInterleave]
    Task<Refusal?> Claim(string paymentId, long amount, DateTimeOffset at);

    /// <summary>The payment that used this dynamic code, when the code is <paramref name="merchantId"/>'s; otherwise null (a static code names no single payment).</summary>
    [Alias("PaidBy"), Transaction(TransactionOption.CreateOrJoin), AlwaysInterleave]
    Task<string?> PaidBy(string merchantId);
}

[GenerateSerializer, Immutable, Alias("Wallet.QrCodeCheck")]
public sealed record QrCodeCheck([property: Id(0)] QrCode? Code, [property: Id(1)] Refusal? Refusal);

[GenerateSerializer, Immutable, Alias("Wallet.QrCode")]
public sealed record QrCode(
    [property: Id(0)] string QrCodeId,
    [property: Id(1)] string MerchantId,
    [property: Id(2)] long? Amount,
    [property: Id(3)] string Currency,
    [property: Id(4)] string? OrderId,
    [property: Id(5)] DateTimeOffset? ExpiresAt,
    [property: Id(6)] DateTimeOffset CreatedAt)
{
    public bool Dynamic => Amount is not null;
}
