namespace Wallet.Cards;

/// <summary>
/// A card as the bank tokenised it: everything the binding keeps, the number only sealed (see the card vault),
/// and named in the card directory by <see cref="NumberKey"/>, a keyed hash of the number.
/// </summary>
[GenerateSerializer, Immutable, Alias("Wallet.CardEnrolment")]
public sealed record CardEnrolment(
    [property: Id(0)] string OwnerId,
    [property: Id(1)] string Masked,
    [property: Id(2)] string BankToken,
    [property: Id(3)] string BankName,
    [property: Id(4)] string HolderName,
    [property: Id(5)] string BankPhone,
    [property: Id(6)] string SealedNumber,
    [property: Id(7)] CardKind Kind,
    [property: Id(8)] string NumberKey = "");

[GenerateSerializer, Immutable, Alias("Wallet.CardInstrument")]
public sealed record CardInstrument([property: Id(0)] string CardId, [property: Id(1)] string BankToken);

/// <summary>A binding request's first answer, and the bank's token while the card is still bound (so the customer can list it again).</summary>
[GenerateSerializer, Immutable, Alias("Wallet.CardApplied")]
public sealed record CardApplied([property: Id(0)] CardView Answer, [property: Id(1)] string? BankToken);
