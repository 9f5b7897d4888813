using Wallet.Identity;

namespace Wallet.Credit;

/// <summary>
/// An application for a credit card (<c>cca_…</c>, named by the request's idempotency key). Decided by the same scoring
/// model as a loan; on approval the card-issuing bank issues a card in the customer's verified name, and it is bound to
/// them the way any card is (the bank texts a code to confirm), so it then tops up like any other.
/// </summary>
[Alias("Wallet.ICreditCardApplicationGrain")]
public interface ICreditCardApplicationGrain : IGrainWithStringKey
{
    /// <summary>Decides the application and, approved, has the card issued and bound; the same request again answers the same.</summary>
    [Alias("Apply")]
    Task<Replayable<CreditCardApplicationView>> Apply(string customerId, IdempotentRequest request);

    /// <summary>The application as its applicant sees it; anyone else is told it was not found.</summary>
    [Alias("Get")]
    Task<CreditCardApplicationView> Get(string customerId);
}

/// <summary>
/// Where a credit-card application stands: <c>declined</c> (the reasons say why), or <c>approved</c> (the card issued and
/// bound, waiting for the texted code until it is confirmed).
/// </summary>
public enum CreditCardApplicationStatus
{
    Declined = 0,
    Approved = 1,
}

/// <summary>A credit-card application: the decision, and for an approved one the card bound (<c>card_…</c>) and its credit limit.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.CreditCardApplicationView")]
public sealed record CreditCardApplicationView(
    [property: Id(0)] string ApplicationId,
    [property: Id(1)] CreditCardApplicationStatus Status,
    [property: Id(2)] CreditDecision Decision,
    [property: Id(3)] string? CardId,
    [property: Id(4)] string? Masked,
    [property: Id(5)] DateTimeOffset AppliedAt);
