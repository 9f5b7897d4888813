using Wallet.Cards;
using Wallet.Identity;

namespace Wallet.Customers;

/// <summary>
/// The customer's bound bank cards, keyed by the customer id. Only <see cref="ICustomerGrain"/> calls it (it
/// knows the verified name a card must be in, and reviews the tier after a card goes), never the other way.
/// </summary>
[Alias("Wallet.ICardholderGrain")]
public interface ICardholderGrain : IGrainWithStringKey
{
    /// <summary>
    /// Binds a card named by the request's idempotency key: the card's binding, asked first, answers a replay
    /// before any check or bank call. Once verified, only a card in <paramref name="verifiedName"/> binds.
    /// </summary>
    [Alias("Bind")]
    Task<Replayable<CardView>> Bind(CardApplication application, IdempotentRequest request, string? verifiedName);

    [Alias("Unbind")]
    Task Unbind(string cardId);

    /// <summary>Every card still bound. Interleaves: read-only, and asked while a card's verification asks the profile to review the tier.</summary>
    [Alias("List"), AlwaysInterleave]
    Task<CardView[]> List();

    /// <summary>The account closed: every card unbound.</summary>
    [Alias("Close")]
    Task Close();
}
