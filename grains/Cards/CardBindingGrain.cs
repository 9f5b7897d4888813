using Wallet.Credentials;
using Wallet.Customers;
using Wallet.Hosting;
using Wallet.Refusals;
using Wallet.Sms;

namespace Wallet.Cards;

public sealed class CardBindingGrain(
    [PersistentState("card", StorageNames.Wallet)] IPersistentState<CardBindingState> card,
    SecretHasher hasher,
    ISmsGateway sms,
    SecretVault vault,
    [FromKeyedServices(WalletClock.Key)] TimeProvider clock)
    : Grain, ICardBindingGrain
{
    private const string CodePurpose = "bind-card";

    public async Task<Identity.Replayable<CardView>> Apply(CardEnrolment enrolment, Identity.IdempotentRequest request)
    {
        if (await Recall(enrolment.OwnerId, request) is { } earlier)
        {
            return Identity.Replayable<CardView>.Again(earlier.Answer);
        }
        var cardId = this.GetPrimaryKeyString();
        if (enrolment.NumberKey.Length > 0 && !await Directory(enrolment.NumberKey).Claim(enrolment.OwnerId, cardId))
        {
            // Whose it is stays unsaid: the number alone must not tell anyone who banks here.
            throw new WalletRefusedException(RefusalCodes.CardBoundElsewhere, "This card is bound to another account; it can be bound here once it is unbound there.");
        }
        var (code, digits) = await OneTimeCode.IssueAsync(CodePurpose, hasher, clock.GetUtcNow());
        card.State = new CardBindingState
        {
            OwnerId = enrolment.OwnerId,
            Masked = enrolment.Masked,
            BankToken = enrolment.BankToken,
            BankName = enrolment.BankName,
            HolderName = enrolment.HolderName,
            BankPhone = enrolment.BankPhone,
            Status = CardStatus.PendingVerification,
            AppliedAt = clock.GetUtcNow(),
            Code = code,
            SealedNumber = enrolment.SealedNumber,
            Kind = enrolment.Kind,
            NumberKey = enrolment.NumberKey,
            Request = request,
        };
        try
        {
            await card.WriteStateAsync();
        }
        catch
        {
            await ReleaseNumber(); // nothing was bound, so the number must not stay held
            card.State = new CardBindingState();
            throw;
        }
        await sms.Send(enrolment.BankPhone,
            $"[Wallet.Orleans] {digits} is your code to bind card ending {enrolment.Masked[^4..]}. It expires in {OneTimeCode.Lifetime.TotalMinutes:0} minutes.");
        return Identity.Replayable<CardView>.Made(View());
    }

    /// <summary>The first answer was the card waiting for its code; everything else it shows never changes.</summary>
    public Task<CardApplied?> Recall(string callerId, Identity.IdempotentRequest request)
    {
        if (!card.RecordExists)
        {
            return Task.FromResult<CardApplied?>(null);
        }
        var state = card.State;
        return state.OwnerId == callerId && state.Request == request
            ? Task.FromResult<CardApplied?>(new CardApplied(View() with { Status = CardStatus.PendingVerification }, state.Status == CardStatus.Unbound ? null : state.BankToken))
            : throw new WalletRefusedException(RefusalCodes.IdempotencyKeyReused, "This idempotency key was used with a different request.");
    }

    public async Task<CardView> Verify(string callerId, string code)
    {
        var state = OwnedBy(callerId);
        if (state.Status == CardStatus.Active)
        {
            return View();
        }
        if (state.Status != CardStatus.PendingVerification)
        {
            throw new WalletRefusedException(RefusalCodes.CardNotActive, "This card is no longer bound.");
        }
        try
        {
            await state.Code!.CheckAsync(CodePurpose, code, clock.GetUtcNow(), hasher);
        }
        catch (WalletRefusedException)
        {
            await card.WriteStateAsync(); // the wrong try counts
            throw;
        }
        state.Status = CardStatus.Active;
        state.Code = null;
        await card.WriteStateAsync();
        await GrainFactory.GetGrain<ICustomerGrain>(state.OwnerId).ReviewTier(); // a debit card in the verified name lifts the tier
        return View();
    }

    /// <summary>Unbound first, then the number freed: never free while the card still moves money here.</summary>
    public async Task Unbind(string callerId)
    {
        OwnedBy(callerId).Status = CardStatus.Unbound;
        await card.WriteStateAsync();
        await ReleaseNumber();
    }

    private Task ReleaseNumber()
        => card.State.NumberKey.Length > 0
            ? Directory(card.State.NumberKey).Release(card.State.OwnerId, this.GetPrimaryKeyString())
            : Task.CompletedTask;

    private ICardDirectoryGrain Directory(string numberKey) => GrainFactory.GetGrain<ICardDirectoryGrain>(numberKey);

    public Task<CardView> GetView(string callerId)
    {
        OwnedBy(callerId);
        return Task.FromResult(View());
    }

    public Task<CardInstrument> GetInstrument(string callerId)
        => OwnedBy(callerId).Status == CardStatus.Active
            ? Task.FromResult(new CardInstrument(this.GetPrimaryKeyString(), card.State.BankToken))
            : throw new WalletRefusedException(RefusalCodes.CardNotActive, "The card is not verified and active.");

    private CardBindingState OwnedBy(string callerId)
        => card.RecordExists && card.State.OwnerId == callerId && card.State.Status != CardStatus.Unbound
            ? card.State
            : throw WalletRefusedException.NotFound("The card");

    private CardView View()
        => new(this.GetPrimaryKeyString(), card.State.Masked, card.State.BankName, card.State.HolderName, card.State.Status, card.State.AppliedAt, card.State.Kind);

    /// <summary>A number sealed under a retired key is resealed under the active one when the card next wakes.</summary>
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (card.RecordExists && card.State.SealedNumber.Length > 0 && vault.IsStale(card.State.SealedNumber))
        {
            card.State.SealedNumber = vault.Reseal(card.State.SealedNumber, this.GetPrimaryKeyString());
            await card.WriteStateAsync(cancellationToken);
        }
    }
}
