namespace Wallet.Identity;

/// <summary>
/// What the facade knows of a request that creates something: the caller's idempotency key and a
/// fingerprint of the exact request, so a replay is recognised and a reuse with another body refused.
/// </summary>
[GenerateSerializer, Immutable, Alias("Wallet.IdempotentRequest")]
public sealed record IdempotentRequest([property: Id(0)] string Key, [property: Id(1)] string Fingerprint);
