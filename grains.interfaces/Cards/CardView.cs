namespace Wallet.Cards;

/// <summary>A bound card as its owner sees it: masked, never the bank token.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.CardView")]
public sealed record CardView(
    [property: Id(0)] string CardId,
    [property: Id(1)] string Masked,
    [property: Id(2)] string BankName,
    [property: Id(3)] string HolderName,
    [property: Id(4)] CardStatus Status,
    [property: Id(5)] DateTimeOffset AppliedAt,
    [property: Id(6)] CardKind Kind = CardKind.Debit);

/// <summary>The kind of bank card: <c>debit</c> or <c>credit</c>.</summary>
public enum CardKind
{
    Debit = 0,
    Credit = 1,
}

/// <summary>
/// Where a card's binding stands: <c>pending_verification</c> (waiting for the code the bank texted),
/// <c>active</c> (bound: top-ups and withdrawals may use it) or <c>unbound</c> (no longer usable).
/// </summary>
public enum CardStatus
{
    PendingVerification = 0,
    Active = 1,
    Unbound = 2,
}
