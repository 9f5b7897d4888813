using Wallet.Cards;
using Wallet.ClientApi.Contract;

namespace Wallet.ClientApi.Cards;

/// <summary>One of the customer's own bank cards to bind; the bank texts a code to the card's phone to confirm it.</summary>
/// <param name="CardNumber">The card number, digits only (it must pass the Luhn check). Never shown again in full.</param>
/// <param name="HolderName">The name on the card, 1 to 64 characters; once the customer has verified their real name, it must be that name.</param>
/// <param name="Phone">The mobile number the bank holds for the card, such as <c>+8613800138000</c>; the code is texted there.</param>
public sealed record BindCardRequest([property: RequiredField] string? CardNumber, [property: RequiredField] string? HolderName, [property: RequiredField] string? Phone);

/// <summary>The code the bank texted for a card binding.</summary>
/// <param name="Code">The six digits from the SMS.</param>
public sealed record VerifyCardRequest([property: RequiredField] string? Code);

/// <summary>A bound card: masked number only, and whether it is a debit or a credit card; the bank's token never leaves the cluster.</summary>
/// <param name="CardId">The card's id (<c>card_…</c>).</param>
/// <param name="Status">Where the binding stands (see the CardStatus schema for each value).</param>
/// <param name="Masked">The card number with all but the first six and last four digits hidden.</param>
/// <param name="BankName">The issuing bank's name.</param>
/// <param name="HolderName">The name on the card.</param>
/// <param name="Kind"><c>debit</c> or <c>credit</c>.</param>
/// <param name="CreatedAt">When the binding was asked for, UTC, ISO 8601.</param>
public sealed record CardResponse(string CardId, CardStatus Status, string Masked, string BankName, string HolderName, CardKind Kind, DateTimeOffset CreatedAt)
{
    public static CardResponse From(CardView view) => new(view.CardId, view.Status, view.Masked, view.BankName, view.HolderName, view.Kind, view.AppliedAt);
}
