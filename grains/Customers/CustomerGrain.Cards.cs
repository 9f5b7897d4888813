using Wallet.Cards;
using Wallet.Identity;

namespace Wallet.Customers;

/// <summary>The customer's cards, which the cardholder grain keeps: the profile gives the verified name and reviews the tier.</summary>
public sealed partial class CustomerGrain
{
    public Task<Replayable<CardView>> BindCard(CardApplication application, IdempotentRequest request)
        => Cardholder.Bind(application, request, State.RealName);

    public async Task UnbindCard(string cardId)
    {
        _ = State;
        await Cardholder.Unbind(cardId);
        await ReviewTier();
    }

    private Task<CardView[]> Cards() => Cardholder.List();

    private ICardholderGrain Cardholder => GrainFactory.GetGrain<ICardholderGrain>(CustomerId);
}
