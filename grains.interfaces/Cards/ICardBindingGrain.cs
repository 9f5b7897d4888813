namespace Wallet.Cards;

/// <summary>One bank card bound to one customer, from application through SMS verification to unbinding.</summary>
[Alias("Wallet.ICardBindingGrain")]
public interface ICardBindingGrain : IGrainWithStringKey
{
    /// <summary>
    /// Records the bank's token for the card and texts a verification code to the bank-registered phone; keeps the
    /// request (whose idempotency key names the card): the same again gets the first answer, another is refused.
    /// </summary>
    [Alias("Apply")]
    Task<Identity.Replayable<CardView>> Apply(CardEnrolment enrolment, Identity.IdempotentRequest request);

    /// <summary>
    /// What <paramref name="request"/> made of this card before, asked before any check of a binding: null when no
    /// request did; <c>idempotency_key_reused</c> when another request did.
    /// </summary>
    [Alias("Recall")]
    Task<CardApplied?> Recall(string callerId, Identity.IdempotentRequest request);

    [Alias("Verify")]
    Task<CardView> Verify(string callerId, string code);

    [Alias("Unbind")]
    Task Unbind(string callerId);

    /// <summary>Interleaves: the customer reads its cards while a card's verification asks it to review the tier.</summary>
    [Alias("GetView"), AlwaysInterleave]
    Task<CardView> GetView(string callerId);

    /// <summary>The bank's token for moving money, only for the owner and only while the card is active.</summary>
    [Alias("GetInstrument")]
    Task<CardInstrument> GetInstrument(string callerId);
}
