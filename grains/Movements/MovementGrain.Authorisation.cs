using Wallet.Customers;
using Wallet.Devices;
using Wallet.Identity;
using Wallet.Risk;

namespace Wallet.Movements;

/// <summary>The payer's yes to this very movement.</summary>
public sealed partial class MovementGrain
{
    /// <summary>
    /// The payer's yes, checked while planning; an order released from review was checked when it was sent.
    /// A device signature must cover what this movement does: its kind, amount, currency, payee and reference.
    /// Asked for this key and body, so a replay of a refused request gets its first answer and spends no try.
    /// </summary>
    private async Task<Restriction> Authorise(string customerId, PaymentAuthorisation authorisation, string fingerprint, bool released,
        string kind, long amount, string currency, string payee)
        => released
            ? Restriction.None
            : await GrainFactory.GetGrain<IPaymentCredentialsGrain>(customerId).AuthorisePayment(authorisation.For($"{MovementId} {fingerprint}"),
                new SignedPayment(kind, amount, currency, payee, ReferenceFor(customerId, authorisation.IdempotencyKey)));

    /// <summary>
    /// The idempotency key the request gave, taken only when it is the one this movement runs under (its id
    /// is derived from the caller and the key); otherwise the movement's own id, which no other movement has.
    /// </summary>
    private string ReferenceFor(string customerId, string? idempotencyKey)
        => idempotencyKey is not null && Ids.ForIdempotencyKey("mv", customerId, idempotencyKey) == MovementId ? idempotencyKey : MovementId;
}
