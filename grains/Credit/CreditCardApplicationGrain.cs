using Wallet.Banking;
using Wallet.Cards;
using Wallet.Customers;
using Wallet.Hosting;
using Wallet.Identity;
using Wallet.Refusals;

namespace Wallet.Credit;

/// <summary>
/// A credit-card application: decided by the same scoring model as a loan (the credit line is what the score earns);
/// approved, the card-issuing bank issues a card in the customer's verified name on their phone, and it is bound to
/// them through the same path as a card they bring themselves — its number tokenised and sealed, a code texted to the
/// phone to confirm — so it then tops up like any other. Asked again after a crash between the decision and the
/// binding, it binds then; the bank answers the same card for the same application, and the binding's key is the application's.
/// </summary>
public sealed class CreditCardApplicationGrain(
    [PersistentState("credit-card-application", StorageNames.Wallet)] IPersistentState<CreditCardApplicationState> application,
    CreditAssessor assessor,
    ICardIssuingBank bank,
    [FromKeyedServices(WalletClock.Key)] TimeProvider clock)
    : Grain, ICreditCardApplicationGrain
{
    private string ApplicationId => this.GetPrimaryKeyString();

    private CreditCardApplicationState State => application.State;

    public async Task<Replayable<CreditCardApplicationView>> Apply(string customerId, IdempotentRequest request)
    {
        if (application.RecordExists)
        {
            if (State.CustomerId != customerId || State.Request != request)
            {
                throw new WalletRefusedException(RefusalCodes.IdempotencyKeyReused, "This idempotency key was used with a different request.");
            }
            await BindIfApproved();
            return Replayable<CreditCardApplicationView>.Again(View());
        }
        if (Ids.ForIdempotencyKey(IdPrefixes.CreditCardApplication, customerId, request.Key) != ApplicationId)
        {
            throw WalletRefusedException.NotFound("The application");
        }
        application.State = new CreditCardApplicationState
        {
            CustomerId = customerId,
            Request = request,
            Decision = await assessor.Assess(customerId, amount: null),
            AppliedAt = clock.GetUtcNow(),
        };
        await application.WriteStateAsync();
        await BindIfApproved();
        return Replayable<CreditCardApplicationView>.Made(View());
    }

    public Task<CreditCardApplicationView> Get(string customerId)
        => application.RecordExists && State.CustomerId == customerId ? Task.FromResult(View()) : throw WalletRefusedException.NotFound("The application");

    /// <summary>An approved application's card, issued and bound in the verified name (only verified customers are approved).</summary>
    private async Task BindIfApproved()
    {
        if (State.Decision is not { Approved: true } decision || State.CardId is not null)
        {
            return;
        }
        var customer = GrainFactory.GetGrain<ICustomerGrain>(State.CustomerId);
        var profile = await customer.GetProfile();
        var holder = profile.RealName ?? throw new InvalidOperationException($"Application {ApplicationId} was approved for a customer without a verified name.");
        var issued = await bank.IssueCreditCard(holder, profile.Phone, decision.Limit, decision.Currency, ApplicationId);
        var bound = await customer.BindCard(new CardApplication(issued.CardNumber, holder, profile.Phone), new IdempotentRequest(ApplicationId, $"credit card {ApplicationId}"));
        State.CardId = bound.Value.CardId;
        State.Masked = bound.Value.Masked;
        await application.WriteStateAsync();
    }

    private CreditCardApplicationView View()
        => new(ApplicationId, State.Decision!.Approved ? CreditCardApplicationStatus.Approved : CreditCardApplicationStatus.Declined, State.Decision, State.CardId,
            State.Masked, State.AppliedAt);
}

[GenerateSerializer, Alias("Wallet.CreditCardApplicationState")]
public sealed class CreditCardApplicationState
{
    [Id(0)] public string CustomerId { get; set; } = "";

    [Id(1)] public IdempotentRequest? Request { get; set; }

    [Id(2)] public CreditDecision? Decision { get; set; }

    [Id(3)] public DateTimeOffset AppliedAt { get; set; }

    /// <summary>The card bound for an approved application (<c>card_…</c>), and its masked number; null until bound.</summary>
    [Id(4)] public string? CardId { get; set; }

    [Id(5)] public string? Masked { get; set; }
}
