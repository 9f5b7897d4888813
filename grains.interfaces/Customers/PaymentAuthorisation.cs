namespace Wallet.Customers;

/// <summary>
/// How the customer says yes to money leaving: the 6-digit payment PIN, or a signature by a
/// registered device key over a fresh challenge (fingerprint or face unlocks the key on the phone).
/// </summary>
[GenerateSerializer, Immutable, Alias("Wallet.PaymentAuthorisation")]
public sealed record PaymentAuthorisation(
    [property: Id(0)] string? Pin,
    [property: Id(1)] string? ChallengeId = null,
    [property: Id(2)] string? Signature = null)
{
    public static PaymentAuthorisation WithPin(string pin) => new(pin);

    public static PaymentAuthorisation WithDevice(string challengeId, string signature) => new(null, challengeId, signature);

    public override string ToString() => Pin is null ? $"DeviceSignature {{ Challenge = {ChallengeId} }}" : "Pin";
}
