namespace Wallet.Cards;

/// <summary>
/// One per card number, keyed by its keyed hash (never the number): the single writer that lets a
/// card be bound to one customer at a time. Two customers binding the same number at once queue here,
/// and exactly one holds it.
/// </summary>
[Alias("Wallet.ICardDirectoryGrain")]
public interface ICardDirectoryGrain : IGrainWithStringKey
{
    /// <summary>
    /// Records the card as <paramref name="customerId"/>'s binding <paramref name="cardId"/> unless another
    /// customer holds the number; true when this customer holds it now. The same customer's newer binding
    /// takes over from an older one of theirs (a binding whose customer never recorded it).
    /// </summary>
    [Alias("Claim")]
    Task<bool> Claim(string customerId, string cardId);

    /// <summary>The binding <paramref name="cardId"/> ended (unbound, or the account closed): the number is free again.</summary>
    [Alias("Release")]
    Task Release(string customerId, string cardId);
}
