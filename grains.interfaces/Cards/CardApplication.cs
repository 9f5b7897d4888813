namespace Wallet.Cards;

/// <summary>
/// What a customer types to bind a card. The card number lives here only on its way to the
/// bank's tokenisation; <see cref="ToString"/> masks it so it cannot reach a log by accident.
/// </summary>
[GenerateSerializer, Immutable, Alias("Wallet.CardApplication")]
public sealed record CardApplication(
    [property: Id(0)] string CardNumber,
    [property: Id(1)] string HolderName,
    [property: Id(2)] string Phone)
{
    public override string ToString() => $"CardApplication {{ Card = {CardNumbers.Mask(CardNumber)} }}";
}
