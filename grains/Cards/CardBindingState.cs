using Wallet.Credentials;

namespace Wallet.Cards;

[GenerateSerializer, Alias("Wallet.CardBindingState")]
public sealed class CardBindingState
{
    [Id(0)] public string OwnerId { get; set; } = "";
    [Id(1)] public string Masked { get; set; } = "";
    [Id(2)] public string BankToken { get; set; } = "";
    [Id(3)] public string BankName { get; set; } = "";
    [Id(4)] public string HolderName { get; set; } = "";
    [Id(5)] public string BankPhone { get; set; } = "";
    [Id(6)] public CardStatus Status { get; set; }
    [Id(7)] public DateTimeOffset AppliedAt { get; set; }
    /// <summary>The code texted to the bank-registered phone; null once the card is verified.</summary>
    [Id(8)] public OneTimeCode? Code { get; set; }

    /// <summary>The card number, sealed by the card vault (AES-GCM, bound to this card's id); never in clear.</summary>
    [Id(9)] public string SealedNumber { get; set; } = "";

    [Id(10)] public CardKind Kind { get; set; }

    /// <summary>The number's name in the card directory (a keyed hash), held while bound; empty for cards bound before the directory.</summary>
    [Id(11)] public string NumberKey { get; set; } = "";

    /// <summary>The customer's request that bound the card (its idempotency key names the card); null for cards bound before.</summary>
    [Id(12)] public Identity.IdempotentRequest? Request { get; set; }
}
