namespace Wallet.Customers;

/// <summary>
/// How the customer says yes to money leaving: the 6-digit payment PIN, or a signature by a
/// registered device key over a fresh challenge (fingerprint or face unlocks the key on the phone).
/// </summary>
[GenerateSerializer, Immutable, Alias("Wallet.PaymentAuthorisation")]
public sealed record PaymentAuthorisation(
    [property: Id(0)] string? Pin,
    [property: Id(1)] string? ChallengeId = null,
    [property: Id(2)] string? Signature = null,
    [property: Id(3)] string? IdempotencyKey = null)
{
    public static PaymentAuthorisation WithPin(string pin) => new(pin);

    /// <summary>
    /// A device's yes to one movement. <paramref name="idempotencyKey"/> is the request's, which the signature
    /// covers; the movement takes it only if it is the key the movement runs under.
    /// </summary>
    public static PaymentAuthorisation WithDevice(string challengeId, string signature, string? idempotencyKey = null) => new(null, challengeId, signature, idempotencyKey);

    public override string ToString() => Pin is null ? $"DeviceSignature {{ Challenge = {ChallengeId} }}" : "Pin";

    /// <summary>Names the request this yes is for, hashed (see <see cref="For"/>); null where none is named.</summary>
    [Id(9)]
    public string? Request { get; init; }

    /// <summary>
    /// Names the request this yes is for (set by the movement: its id and the request's body), so a replay of a
    /// request refused by its PIN or signature gets the same answer again and spends no further try. The PIN or
    /// signature is part of the name (a corrected one is a new try), hashed: the name is kept with the refusal.
    /// </summary>
    public PaymentAuthorisation For(string request) => this with
    {
        Request = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{request}\n{Pin}\n{ChallengeId}\n{Signature}"))),
    };
}
