using Wallet.Refusals;

namespace Wallet.Merchants;

/// <summary>
/// A customer-presented payment code (the number a phone shows as a barcode or taps over NFC): bound
/// to one customer and wallet, single use, valid 60 seconds. Keyed by the code itself, whose 16
/// random digits are the secret; its state is transactional so the charge that uses it claims it in
/// the same transaction that moves the money.
/// </summary>
[Alias("Wallet.IPaymentCodeGrain")]
public interface IPaymentCodeGrain : IGrainWithStringKey
{
    [Alias("Issue"), Transaction(TransactionOption.Create)]
    Task Issue(PaymentCode code);

    [Alias("Read"), Transaction(TransactionOption.CreateOrJoin), AlwaysInterleave]
    Task<PaymentCode?> Read();

    /// <summary>The payer reported the phone lost: an unused code can never be charged; false when it was used already.</summary>
    [Alias("Void"), Transaction(TransactionOption.Create)]
    Task<bool> Void();

    /// <summary>Inside a charge's transaction: refuses an unknown, used, voided or expired code; marks it used.</summary>
    [Alias("Claim"), Transaction(TransactionOption.Join), AlwaysInterleave]
    Task<Refusal?> Claim(string chargeId, DateTimeOffset at);
}

[GenerateSerializer, Immutable, Alias("Wallet.PaymentCode")]
public sealed record PaymentCode(
    [property: Id(0)] string Code,
    [property: Id(1)] string CustomerId,
    [property: Id(2)] string WalletId,
    [property: Id(3)] DateTimeOffset ExpiresAt)
{
    public override string ToString() => $"PaymentCode {{ Wallet = {WalletId}, ExpiresAt = {ExpiresAt} }}";
}

/// <summary>The payment codes' rules: the shape of a code, and when a charge waits for the payer to confirm.</summary>
public static class PaymentCodes
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(60);

    /// <summary>How long a charge waits for the payer's confirmation before it expires.</summary>
    public static readonly TimeSpan ConfirmWithin = TimeSpan.FromMinutes(2);

    /// <summary>Above ¥1,000 a code payment needs the payer's PIN or device signature.</summary>
    public const long ConfirmAbove = 100_000;

    /// <summary>After this many code payments in a bank day, each further one needs confirming.</summary>
    public const int UnconfirmedPerDay = 10;

    /// <summary>18 digits starting "28", like the codes phones show; the other 16 are random.</summary>
    public static bool IsWellFormed(string? code) => code is { Length: 18 } && code.StartsWith("28", StringComparison.Ordinal) && code.All(char.IsAsciiDigit);
}

/// <summary>A merchant's charge waiting for this customer's confirmation: what the app shows to be confirmed.</summary>
/// <param name="PaymentId">The charge's id, for <c>POST /v1/payments/{id}/confirm</c>.</param>
/// <param name="MerchantName">The merchant's name as customers see it.</param>
/// <param name="Amount">The amount, an integer in minor units of the currency (fen for CNY).</param>
/// <param name="Currency">ISO 4217 code of the amount.</param>
/// <param name="ConfirmBy">Until when it may be confirmed, UTC, ISO 8601; after that it lapses and nothing moves.</param>
[GenerateSerializer, Immutable, Alias("Wallet.PendingCharge")]
public sealed record PendingCharge(
    [property: Id(0)] string PaymentId,
    [property: Id(1)] string MerchantName,
    [property: Id(2)] long Amount,
    [property: Id(3)] string Currency,
    [property: Id(4)] DateTimeOffset ConfirmBy);
