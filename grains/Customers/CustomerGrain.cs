using Microsoft.Extensions.Options;
using Wallet.Banking;
using Wallet.Cards;
using Wallet.Credentials;
using Wallet.Hosting;
using Wallet.Identity;
using Wallet.Limits;
using Wallet.RealName;
using Wallet.Refusals;
using Wallet.Sms;
using Wallet.Wallets;

namespace Wallet.Customers;

public sealed partial class CustomerGrain(
    [PersistentState("customer", StorageNames.Wallet)] IPersistentState<CustomerState> customer,
    SecretHasher hasher,
    ICardIssuingBank bank,
    IIdentityService identity,
    IdentityKeys identityKeys,
    LimitSchedule limits,
    IOptions<CredentialOptions> credentials,
    SecretVault vault,
    ISmsGateway sms,
    Events.IWalletEventPublisher publisher,
    ITransactionClient transactions,
    ILogger<CustomerGrain> logger,
    [FromKeyedServices(WalletClock.Key)] TimeProvider clock)
    : Grain, ICustomerGrain
{
    private CustomerState State => customer.RecordExists && customer.State.ClosedAt is null ? customer.State : throw WalletRefusedException.NotFound("The customer");

    public async Task Enrol(CustomerEnrolment enrolment)
    {
        if (customer.RecordExists)
        {
            return;
        }
        customer.State = new CustomerState
        {
            Phone = enrolment.Phone,
            PasswordHash = await hasher.HashAsync(enrolment.Password),
            Role = enrolment.Role,
            CreatedAt = clock.GetUtcNow(),
        };
        await customer.WriteStateAsync();
    }

    public async Task<CustomerProfile> GetProfile()
    {
        var state = State;
        var cards = await Task.WhenAll(state.CardTokens.Keys.Select(id => Card(id).GetView(this.GetPrimaryKeyString())));
        return new CustomerProfile(this.GetPrimaryKeyString(), state.Phone!, state.Tier, state.Role, state.PinHash is not null,
            await ListWallets(), cards, state.CreatedAt, state.RealName, state.IdNumberMasked,
            limits.For(state.Tier, limits.HomeCurrency, clock.GetUtcNow()), state.TierHistory, state.Restriction, limits.HomeCurrency);
    }

    public async Task<CustomerProfile> VerifyRealName(string name, string idNumber)
    {
        var state = State;
        var number = idNumber.ToUpperInvariant(); // a trailing x and X are the same check character
        if (state.IdNumberHash is not null)
        {
            if (!await hasher.VerifyAsync(number, state.IdNumberHash))
            {
                throw new WalletRefusedException(RefusalCodes.AlreadyVerified, "This customer is already verified under another identity number.");
            }
            await MoveToTier(state.Tier, "real-name verified"); // a replay finishes what a failed first attempt began
            return await GetProfile();
        }
        if (!IdNumbers.IsValid(number) || IdNumbers.BirthDate(number) > DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime))
        {
            throw new WalletRefusedException(RefusalCodes.InvalidIdNumber, "The identity number is not a valid 18-character resident identity number.");
        }
        await RequireCardsIn(name);
        if (!await identity.Confirms(name, number))
        {
            throw new WalletRefusedException(RefusalCodes.IdentityNotConfirmed, "The identity service does not confirm this name and number.");
        }
        var identityKey = identityKeys.KeyOf(number);
        if (await GrainFactory.GetGrain<IIdentityDirectoryGrain>(identityKey).Claim(this.GetPrimaryKeyString()) != this.GetPrimaryKeyString())
        {
            throw new WalletRefusedException(RefusalCodes.IdNumberTaken, "This identity number is already verified on another account.");
        }
        state.IdentityKey = identityKey;
        state.RealName = name;
        state.IdNumberHash = await hasher.HashAsync(number);
        state.IdNumberMasked = IdNumbers.Mask(number);
        await MoveToTier(Math.Min(state.Tier, CustomerTiers.RealName), "real-name verified");
        await ReviewTier(); // a debit card bound before verifying may already qualify for tier 2
        return await GetProfile();
    }

    public async Task<CustomerProfile> ChangeTier(int tier, string reason)
    {
        var state = State;
        if (!CustomerTiers.IsValid(tier) || tier == CustomerTiers.DebitCard)
        {
            throw new WalletRefusedException(RefusalCodes.ValidationFailed, "An operator sets tier 1 (verified in person), 3 or 4; tier 2 comes from a debit card in the verified name.");
        }
        if (tier < CustomerTiers.Lowest && state.RealName is null)
        {
            throw new WalletRefusedException(RefusalCodes.RealNameRequired, "Tiers above 4 need the customer's real name verified first.");
        }
        await MoveToTier(tier, reason);
        return await GetProfile();
    }

    /// <summary>
    /// Cards bound before verifying were checked by their banks (holder and phone on file), not against
    /// a verified name; the name the customer now proves must be theirs too, or the customer unbinds first.
    /// </summary>
    private async Task RequireCardsIn(string name)
    {
        var cards = await Task.WhenAll(State.CardTokens.Keys.Select(id => Card(id).GetView(this.GetPrimaryKeyString())));
        if (cards.FirstOrDefault(c => !CardHolders.SameName(c.HolderName, name)) is { } other)
        {
            throw new WalletRefusedException(RefusalCodes.CardHolderNotCustomer,
                $"The card ending {other.Masked[^4..]} is in another name: unbind it before verifying your name.");
        }
    }

    /// <summary>
    /// Tier 2 is tier 3 plus an active debit card in the verified name: gained when such a card is
    /// verified (or the name is), lost when the last such card is unbound. Tier 1 is an operator's.
    /// </summary>
    public async Task ReviewTier()
    {
        var state = State;
        if (state.RealName is null || state.Tier is not (CustomerTiers.RealName or CustomerTiers.DebitCard))
        {
            return;
        }
        var cards = await Task.WhenAll(state.CardTokens.Keys.Select(id => Card(id).GetView(this.GetPrimaryKeyString())));
        var qualifies = cards.Any(c => c is { Status: CardStatus.Active, Kind: CardKind.Debit } && CardHolders.SameName(c.HolderName, state.RealName));
        if (qualifies && state.Tier == CustomerTiers.RealName)
        {
            await MoveToTier(CustomerTiers.DebitCard, "debit card in the verified name");
        }
        else if (!qualifies && state.Tier == CustomerTiers.DebitCard)
        {
            await MoveToTier(CustomerTiers.RealName, "no debit card in the verified name");
        }
    }

    /// <summary>
    /// The wallets enforce the tier's limits, so they learn the new tier first; then the customer
    /// records it with the reason. A failure between the two is mended by asking again (every step
    /// is idempotent), and in the meantime the wallets already apply the new limits.
    /// </summary>
    private async Task MoveToTier(int tier, string reason)
    {
        var state = State;
        await Task.WhenAll(state.WalletIds.Select(id => GrainFactory.GetGrain<IWalletGrain>(id).SetTier(tier)));
        if (state.Tier != tier)
        {
            state.TierHistory.Add(new TierChange(state.Tier, tier, reason, clock.GetUtcNow()));
            state.Tier = tier;
        }
        await customer.WriteStateAsync();
    }

    public async Task<Replayable<WalletView>> OpenWallet(string currency, IdempotentRequest request)
    {
        var state = State;
        if (Replay(request) is { } earlier)
        {
            return Replayable<WalletView>.Again(earlier.Wallet ?? throw KeyReused());
        }
        if (!limits.Covers(currency))
        {
            // Without a rate to CNY the tier's limits could not be applied, and a wallet must never be unlimited by accident.
            throw new WalletRefusedException(RefusalCodes.CurrencyNotSupported, $"Wallets in {currency} are not offered: the bank has no reference rate for it.");
        }
        var walletId = Ids.New("wal");
        var view = await GrainFactory.GetGrain<IWalletGrain>(walletId).Open(this.GetPrimaryKeyString(), currency, state.Tier);
        state.WalletIds.Add(walletId);
        if (state.Restriction >= Risk.RiskAction.StepUp)
        {
            await RestrictWallets([walletId], state.Restriction); // before anyone can learn the wallet's id
        }
        state.Creations[request.Key] = new Creation(request, view, null);
        await customer.WriteStateAsync();
        return Replayable<WalletView>.Made(view);
    }

    public async Task<IReadOnlyList<WalletView>> ListWallets()
        => await Task.WhenAll(State.WalletIds.Select(id => GrainFactory.GetGrain<IWalletGrain>(id).GetView(this.GetPrimaryKeyString())));

    public async Task<string?> FindReceivingWallet(string currency)
    {
        foreach (var walletId in State.WalletIds)
        {
            var facts = await GrainFactory.GetGrain<IWalletGrain>(walletId).GetFacts();
            if (facts is { Status: not WalletStatus.Closed } && facts.Currency == currency)
            {
                return walletId;
            }
        }
        return null;
    }

    public async Task<Replayable<CardView>> BindCard(CardApplication application, IdempotentRequest request)
    {
        var state = State;
        if (Replay(request) is { } earlier)
        {
            return Replayable<CardView>.Again(earlier.Card ?? throw KeyReused());
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
        var cardId = Ids.New("card");
        var view = await Card(cardId).Apply(new CardEnrolment(this.GetPrimaryKeyString(), CardNumbers.Mask(application.CardNumber),
            bankCard.Token, bankCard.BankName, application.HolderName, bankCard.RegisteredPhone, vault.Seal(application.CardNumber, cardId), bankCard.Kind,
            identityKeys.CardKeyOf(application.CardNumber)));
        state.CardTokens[cardId] = bankCard.Token;
        state.Creations[request.Key] = new Creation(request, null, view);
        Record((id, who, at) => new Events.CardBound(id, who, at, cardId, view.Masked));
        await SaveAndPublish();
        return Replayable<CardView>.Made(view);
    }

    public async Task UnbindCard(string cardId)
    {
        var state = State;
        if (!state.CardTokens.Remove(cardId))
        {
            throw WalletRefusedException.NotFound("The card");
        }
        await Card(cardId).Unbind(this.GetPrimaryKeyString());
        Record((id, who, at) => new Events.CardUnbound(id, who, at, cardId));
        await SaveAndPublish();
        await ReviewTier();
    }

    /// <summary>The earlier outcome for this key, or null if the key is new; a different request under it is refused.</summary>
    private Creation? Replay(IdempotentRequest request)
    {
        if (!State.Creations.TryGetValue(request.Key, out var earlier))
        {
            return null;
        }
        return earlier.Request == request ? earlier : throw KeyReused();
    }

    private static WalletRefusedException KeyReused()
        => new(RefusalCodes.IdempotencyKeyReused, "This idempotency key was used with a different request.");

    private ICardBindingGrain Card(string cardId) => GrainFactory.GetGrain<ICardBindingGrain>(cardId);
}
