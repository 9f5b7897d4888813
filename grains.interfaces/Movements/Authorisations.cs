using Wallet.Wallets;

namespace Wallet.Movements;

/// <summary>
/// A merchant's authorisation (a hotel's deposit, a fuel pump): the payer's money is held, then captured in
/// whole or part, voided, or let go once it expires — each a transaction that moves the hold and the record together.
/// </summary>
[Alias("Wallet.IAuthorisationGrain")]
public interface IAuthorisationGrain : IRefundablePaymentGrain
{
    /// <summary>Holds an amount in the payer's wallet for the merchant (the code claimed with it); it expires on its own.</summary>
    [Alias("Authorize")]
    Task<AuthorisationReceipt> Authorize(AuthorizationOrder order);

    /// <summary>Captures all or part of an authorisation: the hold let go and the amount paid, in one transaction.</summary>
    [Alias("Capture")]
    Task<AuthorisationReceipt> Capture(string merchantId, long amount);

    /// <summary>Lets an authorisation go without paying.</summary>
    [Alias("Void")]
    Task<AuthorisationReceipt> Void(string merchantId);

    /// <summary>The authorisation as recorded, for its merchant or its payer; otherwise null.</summary>
    [Alias("Find")]
    Task<AuthorisationReceipt?> Find(string callerId);
}

/// <summary>A merchant authorises (holds) an amount on the payment code a customer shows; captured or voided later.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.AuthorizationOrder")]
public sealed record AuthorizationOrder(
    [property: Id(0)] string MerchantId,
    [property: Id(1)] string Fingerprint,
    [property: Id(2)] string PaymentCode,
    [property: Id(3)] long Amount,
    [property: Id(4)] string Currency,
    [property: Id(5)] string OrderId);

/// <summary>
/// An authorisation as recorded: <see cref="Authorised"/> held in the payer's wallet until <see cref="ExpiresAt"/>;
/// once captured, <see cref="Captured"/> was paid to the merchant and the rest let go.
/// </summary>
[GenerateSerializer, Immutable, Alias("Wallet.AuthorisationReceipt")]
public sealed record AuthorisationReceipt(
    [property: Id(0)] string PayerId,
    [property: Id(1)] string PayerWalletId,
    [property: Id(2)] string MerchantId,
    [property: Id(3)] string MerchantWalletId,
    [property: Id(4)] string OrderId,
    [property: Id(5)] long Authorised,
    [property: Id(6)] DateTimeOffset ExpiresAt) : MovementOutcome
{
    [Id(7)] public long? Captured { get; init; }

    public override MovementKind Kind => MovementKind.Payment;

    public override MovementSides Sides => new(MovementSide.Wallet(PayerWalletId), MovementSide.Merchant(MerchantId));

    protected override MoneyFlow Flow => new(PayerWalletId, MerchantWalletId, Captured ?? 0, Captured ?? 0, MerchantId);
}
