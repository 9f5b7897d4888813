using Wallet.Cards;

namespace Wallet.ClientApi.Cards;

public sealed record BindCardRequest(string? CardNumber, string? HolderName, string? Phone);

public sealed record VerifyCardRequest(string? Code);

/// <summary>A bound card: masked number only, and whether it is a debit or a credit card; the bank's token never leaves the cluster.</summary>
public sealed record CardResponse(string CardId, CardStatus Status, string Masked, string BankName, string HolderName, CardKind Kind, DateTimeOffset CreatedAt)
{
    public static CardResponse From(CardView view) => new(view.CardId, view.Status, view.Masked, view.BankName, view.HolderName, view.Kind, view.AppliedAt);
}
