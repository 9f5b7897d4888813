using Wallet.Cards;

namespace Wallet.Banking;

/// <summary>
/// The bank behind a customer's card. It tokenises the card number at binding, takes money from the
/// card for a top-up and pays money back for a withdrawal. Every money call carries our movement id
/// as its reference, so a repeated call is recognised by the bank and not applied twice.
/// </summary>
public interface ICardIssuingBank
{
    /// <summary>Registers the card for wallet use; refuses with <c>card_declined</c> if the bank will not.</summary>
    Task<BankCard> Enrol(string cardNumber, string holderName, string phone);

    Task<BankDecision> Charge(string bankToken, long amount, string currency, string reference);

    /// <summary>Gives back a charge made under <paramref name="reference"/> (a top-up refused after it).</summary>
    Task Refund(string bankToken, long amount, string currency, string reference);

    /// <summary>Asks whether a payout would be accepted, before any money leaves the wallet.</summary>
    Task<BankDecision> ApprovePayout(string bankToken, long amount, string currency);

    Task Payout(string bankToken, long amount, string currency, string reference);

    /// <summary>
    /// Issues a new credit card to the holder, with a credit limit, for an approved application named by
    /// <paramref name="reference"/>: asked again under it, the bank answers the same card. The number is only on its way
    /// to binding (tokenised there like any card's), never kept.
    /// </summary>
    Task<IssuedCard> IssueCreditCard(string holderName, string phone, long creditLimit, string currency, string reference);
}

/// <summary>A card the bank issued: its number, for binding it at once.</summary>
public sealed record IssuedCard(string CardNumber)
{
    public override string ToString() => $"IssuedCard {{ Card = {CardNumbers.Mask(CardNumber)} }}";
}

/// <summary>The bank's token for a card, its name, and what it has on file: the cardholder's phone and name, and the kind of card.</summary>
public sealed record BankCard(string Token, string BankName, string RegisteredPhone, string HolderName, CardKind Kind);

public sealed record BankDecision(bool Approved, string? Reason)
{
    public static readonly BankDecision Approve = new(true, null);

    public static BankDecision Decline(string reason) => new(false, reason);
}
