using Wallet.Customers;
using Wallet.Movements;
using Wallet.Wallets;

namespace Wallet.Fx;

/// <summary>Convert between two of the caller's own wallets with a quote: its amounts, its rate, once.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.ConversionOrder")]
public sealed record ConversionOrder(
    [property: Id(0)] string CustomerId,
    [property: Id(1)] string Fingerprint,
    [property: Id(2)] string QuoteId,
    [property: Id(3)] string FromWalletId,
    [property: Id(4)] string ToWalletId,
    [property: Id(5)] PaymentAuthorisation Authorisation)
{
    public override string ToString() => $"ConversionOrder {{ Quote = {QuoteId}, From = {FromWalletId}, To = {ToWalletId} }}";
}

/// <summary>
/// A conversion as recorded: <see cref="Amount"/> of the movement's currency left <see cref="FromWalletId"/> and
/// <see cref="ToAmount"/> of <see cref="ToCurrency"/> reached <see cref="ToWalletId"/>, at the quote's rate.
/// </summary>
[GenerateSerializer, Immutable, Alias("Wallet.ConversionReceipt")]
public sealed record ConversionReceipt(
    [property: Id(0)] string FromWalletId,
    [property: Id(1)] string ToWalletId,
    [property: Id(2)] string QuoteId,
    [property: Id(3)] long Amount,
    [property: Id(4)] long ToAmount,
    [property: Id(5)] string ToCurrency,
    [property: Id(6)] decimal Rate) : MovementOutcome
{
    public override MovementKind Kind => MovementKind.Conversion;

    public override MovementSides Sides => new(MovementSide.Wallet(FromWalletId), MovementSide.Wallet(ToWalletId));

    protected override MoneyFlow Flow => new(FromWalletId, ToWalletId, Amount, ToAmount, InCurrency: ToCurrency);
}

/// <summary>
/// A conversion (<c>cv_…</c>): in one transaction the quote is used, the source wallet debited into the bank's FX
/// position in its currency, the FX position in the other currency debited into the target wallet, and a purchase
/// of foreign currency drawn on the customer's annual quota.
/// </summary>
[Alias("Wallet.IConversionGrain")]
public interface IConversionGrain : IMovementGrain
{
    [Alias("Convert")]
    Task<ConversionReceipt> Convert(ConversionOrder order);

    /// <summary>The conversion as recorded, for the customer who made it; otherwise null.</summary>
    [Alias("Find")]
    Task<ConversionReceipt?> Find(string customerId);
}
