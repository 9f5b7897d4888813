using Wallet.Banking;
using Wallet.Cards;
using Wallet.Credentials;
using Wallet.Hosting;
using Wallet.Identity;
using Wallet.RealName;
using Wallet.Refusals;

namespace Wallet.Customers;

/// <summary>The customer's bound bank cards: each named by the idempotency key of the request that bound it.</summary>
public sealed class CardholderGrain(
    [PersistentState("cardholder", StorageNames.Wallet)] IPersistentState<CardholderState> cardholder,
    ICardIssuingBank bank,
    IdentityKeys identityKeys,
    SecretVault vault,
    Events.IWalletEventPublisher publisher,
    ILogger<CardholderGrain> logger,
    [FromKeyedServices(WalletClock.Key)] TimeProvider clock)
    : Grain, ICardholderGrain
{
    private CustomerOutbox<CardholderState>? _outbox;

    private string CustomerId => this.GetPrimaryKeyString();

    private CustomerOutbox<CardholderState> Outbox => _outbox ??= new(cardholder, CustomerId, publisher, logger, clock);

    public override Task OnActivateAsync(CancellationToken cancellationToken) => Outbox.PublishLeftOver();

    public async Task<Replayable<CardView>> Bind(CardApplication application, IdempotentRequest request, string? verifiedName)
    {
        var cards = cardholder.State.CardTokens;
        var cardId = Ids.ForIdempotencyKey(IdPrefixes.Card, CustomerId, request.Key);
        if (await Card(cardId).Recall(CustomerId, request) is { } earlier)
        {
            if (earlier.BankToken is { } token && cards.TryAdd(cardId, token))
            {
                // Bound before a crash kept it off the list: listed now.
                Outbox.Record((id, who, at) => new Events.CardBound(id, who, at, cardId, earlier.Answer.Masked));
                await Outbox.SaveAndPublish();
            }
            return Replayable<CardView>.Again(earlier.Answer);
        }
        if (verifiedName is not null && !CardHolders.SameName(application.HolderName, verifiedName))
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
        if (cards.ContainsValue(bankCard.Token))
        {
            throw new WalletRefusedException(RefusalCodes.CardAlreadyBound, "This card is already bound to your wallet.");
        }
        var bound = await Card(cardId).Apply(new CardEnrolment(CustomerId, CardNumbers.Mask(application.CardNumber),
            bankCard.Token, bankCard.BankName, application.HolderName, bankCard.RegisteredPhone, vault.Seal(application.CardNumber, cardId), bankCard.Kind,
            identityKeys.CardKeyOf(application.CardNumber)), request);
        cards[cardId] = bankCard.Token;
        Outbox.Record((id, who, at) => new Events.CardBound(id, who, at, cardId, bound.Value.Masked));
        await Outbox.SaveAndPublish();
        return bound;
    }

    public async Task Unbind(string cardId)
    {
        if (!cardholder.State.CardTokens.Remove(cardId))
        {
            throw WalletRefusedException.NotFound("The card");
        }
        await Card(cardId).Unbind(CustomerId);
        Outbox.Record((id, who, at) => new Events.CardUnbound(id, who, at, cardId));
        await Outbox.SaveAndPublish();
    }

    public Task<CardView[]> List() => Task.WhenAll(cardholder.State.CardTokens.Keys.Select(id => Card(id).GetView(CustomerId)));

    public async Task Close()
    {
        foreach (var cardId in cardholder.State.CardTokens.Keys)
        {
            await Card(cardId).Unbind(CustomerId);
        }
        cardholder.State.CardTokens.Clear();
        await cardholder.WriteStateAsync();
    }

    private ICardBindingGrain Card(string cardId) => GrainFactory.GetGrain<ICardBindingGrain>(cardId);
}

[GenerateSerializer, Alias("Wallet.CardholderState")]
public sealed class CardholderState : IHoldsCustomerEvents
{
    /// <summary>Bound cards by id (each named by its binding request's idempotency key), with the bank's token to spot a card bound twice.</summary>
    [Id(0)] public Dictionary<string, string> CardTokens { get; set; } = [];

    /// <summary>Events written with the change they report and not yet published (see <see cref="CustomerOutbox{TState}"/>).</summary>
    [Id(1)] public List<Events.WalletEvent> Outbox { get; set; } = [];
}
