namespace Wallet.Merchants;

/// <summary>
/// What the merchant grain found in a signed request: the one check that failed, so the merchant's developer
/// knows whether to fix the clock, the nonce, the key or the signing code.
/// </summary>
[GenerateSerializer, Alias("Wallet.SignatureVerdict")]
public enum SignatureVerdict
{
    Verified,
    /// <summary>No merchant has this id (or it has no secret yet).</summary>
    UnknownMerchant,
    /// <summary>A part is missing or not in its form (unix seconds, a nonce of 1–64 characters, 64 hex digits).</summary>
    Malformed,
    /// <summary>The timestamp is more than the window from the bank's clock, or older than the secret.</summary>
    StaleTimestamp,
    /// <summary>Correctly signed, but the nonce was used before (a replayed request).</summary>
    ReusedNonce,
    /// <summary>The signature is not the HMAC of this request with the merchant's current secret.</summary>
    BadSignature,
}
