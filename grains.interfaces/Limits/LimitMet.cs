namespace Wallet.Limits;

/// <summary>
/// A tier limit a movement met, with what a client needs to act on it: which limit, how much it is, and how much
/// is still left under it now (what could go out, or come in for the balance cap), all in <see cref="Currency"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("Wallet.LimitMet")]
public sealed record LimitMet(
    [property: Id(0)] string Name,
    [property: Id(1)] long Amount,
    [property: Id(2)] long Remaining,
    [property: Id(3)] string Currency)
{
    /// <summary>The facts a problem answer carries of it, named as the API documents them.</summary>
    public IEnumerable<KeyValuePair<string, object?>> AsProblemFields() =>
    [
        new("limit", Name),
        new("limitAmount", Amount),
        new("limitRemaining", Remaining),
        new("currency", Currency),
    ];
}
