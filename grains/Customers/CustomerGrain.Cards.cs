using Wallet.Cards;
using Wallet.Identity;
using Wallet.Refusals;

namespace Wallet.Customers;

/// <summary>The customer's bank cards: each named by the idempotency key of the request that bound it.</summary>
public sealed partial class CustomerGrain
{
    /// <summary>
    /// The card's id comes from the customer and the key, so the card's binding, asked first, knows whether the
    /// request was made before (the same again gets the first answer, another is refused) before any check or bank call.
    /// </summary>
    public async Task<Replayable<CardView>> BindCard(CardApplication application, IdempotentRequest request)
    {
        var state = State;
        var cardId = Ids.ForIdempotencyKey("card", CustomerId, request.Key);
        if (await Card(cardId).Recall(CustomerId, request) is { } earlier)
        {
            if (earlier.BankToken is { } token && state.CardTokens.TryAdd(cardId, token))
            {
                // Bound before a crash kept it off the list: listed now.
                Outbox.Record((id, who, at) => new Events.CardBound(id, who, at, cardId, earlier.Answer.Masked));
                await Outbox.SaveAndPublish();
            }
            return Replayable<CardView>.Again(earlier.Answer);
        }
        if (state.RealName is { } verifiedName && !CardHolders.SameName(application.HolderName, verifiedName))
        {
            throw new WalletRefusedException(RefusalCodes.CardHolderNotCustomer, "Only a card in your own verified name can be bound.");
        }
        var bankCard = await bank.Enrol(application.CardNumber, application.HolderName, application.Phone);
        if (bankCard.RegisteredPhone != application.Phone)
        {
            throw new WalletRefusedException(RefusalCodes.CardPhoneMismatch, "The phone number is not the one the card's bank has on file.");
        }
        if (!CardHolders.SameName(bankCard.HolderName, application.HolderName))
        {
            throw new WalletRefusedException(RefusalCodes.CardHolderMismatch, "The holder name is not the one the card's bank has on file.");
        }
        if (state.CardTokens.ContainsValue(bankCard.Token))
        {
            throw new WalletRefusedException(RefusalCodes.CardAlreadyBound, "This card is already bound to your wallet.");
        }
        var bound = await Card(cardId).Apply(new CardEnrolment(CustomerId, CardNumbers.Mask(application.CardNumber),
            bankCard.Token, bankCard.BankName, application.HolderName, bankCard.RegisteredPhone, vault.Seal(application.CardNumber, cardId), bankCard.Kind,
            identityKeys.CardKeyOf(application.CardNumber)), request);
        state.CardTokens[cardId] = bankCard.Token;
        Outbox.Record((id, who, at) => new Events.CardBound(id, who, at, cardId, bound.Value.Masked));
        await Outbox.SaveAndPublish();
        return bound;
    }

    public async Task UnbindCard(string cardId)
    {
        var state = State;
        if (!state.CardTokens.Remove(cardId))
        {
            throw WalletRefusedException.NotFound("The card");
        }
        await Card(cardId).Unbind(CustomerId);
        Outbox.Record((id, who, at) => new Events.CardUnbound(id, who, at, cardId));
        await Outbox.SaveAndPublish();
        await ReviewTier();
    }
}
