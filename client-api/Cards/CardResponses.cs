using Wallet.Cards;

namespace Wallet.ClientApi.Cards;

public sealed record BindCardRequest(string? CardNumber, string? HolderName, string? Phone);

public sealed record VerifyCardRequest(string? Code);

/// <summary>A bound card: masked number only; the bank's token never leaves the cluster.</summary>
public sealed record CardResponse(string CardId, CardStatus Status, string Masked, string BankName, string HolderName, DateTimeOffset CreatedAt)
{
    public static CardResponse From(CardView view) => new(view.CardId, view.Status, view.Masked, view.BankName, view.HolderName, view.AppliedAt);
}
