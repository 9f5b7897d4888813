namespace Wallet.Cards;

/// <summary>A card as the bank tokenised it: everything the binding keeps, with no card number in clear.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.CardEnrolment")]
public sealed record CardEnrolment(
    [property: Id(0)] string OwnerId,
    [property: Id(1)] string Masked,
    [property: Id(2)] string BankToken,
    [property: Id(3)] string BankName,
    [property: Id(4)] string HolderName,
    [property: Id(5)] string BankPhone);

[GenerateSerializer, Immutable, Alias("Wallet.CardInstrument")]
public sealed record CardInstrument([property: Id(0)] string CardId, [property: Id(1)] string BankToken);
