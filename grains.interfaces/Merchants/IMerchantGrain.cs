using Wallet.Identity;

namespace Wallet.Merchants;

/// <summary>A merchant: profile, settlement wallet and API credentials (its settlements: <see cref="IMerchantSettlementGrain"/>). Keyed by merchant id.</summary>
[Alias("Wallet.IMerchantGrain")]
public interface IMerchantGrain : IGrainWithStringKey
{
    /// <summary>
    /// An operator onboards the merchant: a settlement wallet in the merchant's currency (the home currency unless the
    /// application names another the bank offers; else <c>currency_not_supported</c>) and a secret, which only this
    /// answer shows. A replay answers the same.
    /// </summary>
    [Alias("Onboard")]
    Task<Replayable<MerchantOnboarded>> Onboard(MerchantApplication application, IdempotentRequest request);

    /// <summary>A new secret; the old one stops working at once.</summary>
    [Alias("RotateSecret")]
    Task<MerchantOnboarded> RotateSecret();

    /// <summary>
    /// Whether a request is the merchant's: signed with its current secret, timestamped within five
    /// minutes of the bank's clock, and with a nonce not seen before; if not, which check failed. The
    /// secret never leaves the grain.
    /// </summary>
    [Alias("VerifyRequest"), AlwaysInterleave]
    Task<SignatureVerdict> VerifyRequest(SignedRequest request);

    /// <summary>
    /// Signs a webhook to the merchant the way its own requests are signed (a POST to the endpoint's
    /// path), so the secret stays here; null when the merchant is unknown.
    /// </summary>
    [Alias("SignWebhook"), AlwaysInterleave]
    Task<string?> SignWebhook(string pathAndQuery, string timestamp, string nonce, string bodySha256);

    [Alias("GetView")]
    Task<MerchantView> GetView();

    /// <summary>What a payment needs: the settlement wallet, its currency and the names; no balance, so no transaction.</summary>
    [Alias("GetFacts"), AlwaysInterleave]
    Task<MerchantFacts?> GetFacts();

    /// <summary>
    /// A QR code to present: dynamic with an amount (single use, expiring after <paramref name="expiresIn"/>),
    /// static without. The same order id returns the same code. In the merchant's currency only: another is <c>validation_failed</c>.
    /// </summary>
    [Alias("IssueQrCode")]
    Task<IssuedQrCode> IssueQrCode(long? amount, string currency, string? orderId, TimeSpan? expiresIn);

    /// <summary>One of this merchant's QR codes as issued (the same payload), or null when it is not theirs.</summary>
    [Alias("FindQrCode")]
    Task<IssuedQrCode?> FindQrCode(string qrCodeId);
}

[GenerateSerializer, Immutable, Alias("Wallet.MerchantFacts")]
public sealed record MerchantFacts(
    [property: Id(0)] string MerchantId,
    [property: Id(1)] string Name,
    [property: Id(2)] string Category,
    [property: Id(3)] string City,
    [property: Id(4)] string SettlementWalletId,
    [property: Id(5)] string Currency);

[GenerateSerializer, Immutable, Alias("Wallet.IssuedQrCode")]
public sealed record IssuedQrCode([property: Id(0)] QrCode Code, [property: Id(1)] string Payload);

[GenerateSerializer, Immutable, Alias("Wallet.MerchantApplication")]
public sealed record MerchantApplication(
    [property: Id(0)] string Name,
    [property: Id(1)] string Category,
    [property: Id(2)] string City,
    [property: Id(3)] string? SettlementCardNumber = null,
    [property: Id(4)] string? SettlementCardHolder = null,
    [property: Id(5)] string? NameLatin = null,
    [property: Id(6)] string? CityLatin = null,
    [property: Id(7)] string? Currency = null)
{
    public override string ToString() => $"MerchantApplication {{ Name = {Name}, Category = {Category} }}";
}

/// <summary>
/// One settlement: the settlement wallet's balance swept to the merchant's bank card, less the fee.
/// <see cref="SettlementStatus.PayoutPending"/> while the bank has not yet taken the payout (it is tried again).
/// </summary>
/// <param name="SettlementId">The settlement's id (<c>st_…</c>).</param>
/// <param name="Gross">What was swept from the settlement wallet, an integer in minor units of the currency (fen for CNY).</param>
/// <param name="Fee">The bank's fee, in the same minor units.</param>
/// <param name="Net">What is paid to the card: gross less the fee, in the same minor units.</param>
/// <param name="Currency">ISO 4217 code of the amounts.</param>
/// <param name="CardMasked">The settlement card, all but its first six and last four digits hidden.</param>
/// <param name="SettledAt">When the balance was swept, UTC, ISO 8601.</param>
/// <param name="Scheduled">True for the daily settlement, false for one the merchant asked for.</param>
/// <param name="Status"><c>paid</c> once the bank took the payout, <c>payout_pending</c> while it is being tried again.</param>
/// <param name="PaidAt">When the bank took the payout, UTC, ISO 8601; null while pending (and for settlements recorded before this was kept).</param>
[GenerateSerializer, Immutable, Alias("Wallet.SettlementReport")]
public sealed record SettlementReport(
    [property: Id(0)] string SettlementId,
    [property: Id(1)] long Gross,
    [property: Id(2)] long Fee,
    [property: Id(3)] long Net,
    [property: Id(4)] string Currency,
    [property: Id(5)] string CardMasked,
    [property: Id(6)] DateTimeOffset SettledAt,
    [property: Id(7)] bool Scheduled,
    [property: Id(8)] SettlementStatus Status = SettlementStatus.Paid,
    [property: Id(9)] DateTimeOffset? PaidAt = null);

/// <summary>Where a settlement's payout stands: <c>paid</c> (the bank took it) or <c>payout_pending</c> (the money left the wallet; the payout to the card is being tried again).</summary>
public enum SettlementStatus
{
    Paid = 0,

    /// <summary>The money left the wallet; the bank's payout to the card has not succeeded yet.</summary>
    PayoutPending = 1,
}

/// <summary>What onboarding (or rotating) answers: the only time the secret is shown.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.MerchantOnboarded")]
public sealed record MerchantOnboarded(
    [property: Id(0)] string MerchantId,
    [property: Id(1)] string Secret,
    [property: Id(2)] string SettlementWalletId)
{
    public override string ToString() => $"MerchantOnboarded {{ MerchantId = {MerchantId} }}";
}

[GenerateSerializer, Immutable, Alias("Wallet.MerchantView")]
public sealed record MerchantView(
    [property: Id(0)] string MerchantId,
    [property: Id(1)] string Name,
    [property: Id(2)] string Category,
    [property: Id(3)] string City,
    [property: Id(4)] string SettlementWalletId,
    [property: Id(5)] long Balance,
    [property: Id(6)] DateTimeOffset OnboardedAt,
    [property: Id(7)] string Currency);

/// <summary>Merchant category codes (ISO 18245) are four digits.</summary>
public static class MerchantCategories
{
    public static bool IsValid(string? mcc) => mcc is { Length: 4 } && mcc.All(char.IsAsciiDigit);
}
