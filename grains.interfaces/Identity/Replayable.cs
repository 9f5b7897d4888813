namespace Wallet.Identity;

/// <summary>
/// What a request that creates something answers: the thing, and whether it was made now or by an earlier
/// request under the same idempotency key (then nothing was done again), so the caller can be told which.
/// </summary>
[GenerateSerializer, Immutable, Alias("Wallet.Replayable`1")]
public sealed record Replayable<T>([property: Id(0)] T Value, [property: Id(1)] bool Replayed)
{
    public static Replayable<T> Made(T value) => new(value, false);

    public static Replayable<T> Again(T value) => new(value, true);
}
