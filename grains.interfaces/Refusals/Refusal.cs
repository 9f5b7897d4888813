namespace Wallet.Refusals;

/// <summary>Why a participant declined its part of a movement without failing the transaction; <see cref="Limit"/> names a limit met.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.Refusal")]
public sealed record Refusal(
    [property: Id(0)] string Code,
    [property: Id(1)] string? Detail = null,
    [property: Id(3)] Limits.LimitMet? Limit = null);
