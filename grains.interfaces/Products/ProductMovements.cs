using Wallet.Customers;
using Wallet.Movements;
using Wallet.Wallets;

namespace Wallet.Products;

/// <summary>A customer buys a product from a wallet of theirs (<c>pb_…</c>): wallet, quota, product account and holding in one transaction.</summary>
[Alias("Wallet.IProductPurchaseGrain")]
public interface IProductPurchaseGrain : IMovementGrain
{
    [Alias("Buy")]
    Task<ProductPurchaseReceipt> Buy(ProductPurchaseOrder order);

    /// <summary>The purchase as recorded, for whoever made it; otherwise null.</summary>
    [Alias("Find")]
    Task<ProductPurchaseReceipt?> Find(string customerId);
}

/// <summary>Buy <see cref="Amount"/> of a product from one of the caller's wallets in its currency, with their PIN or device signature.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.ProductPurchaseOrder")]
public sealed record ProductPurchaseOrder(
    [property: Id(0)] string CustomerId,
    [property: Id(1)] string Fingerprint,
    [property: Id(2)] string ProductId,
    [property: Id(3)] string FromWalletId,
    [property: Id(4)] long Amount,
    [property: Id(5)] PaymentAuthorisation Authorisation)
{
    public override string ToString() => $"ProductPurchaseOrder {{ Product = {ProductId}, Amount = {Amount} }}";
}

/// <summary>A purchase as recorded: from the customer's wallet into their holding of the product.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.ProductPurchaseReceipt")]
public sealed record ProductPurchaseReceipt(
    [property: Id(0)] string ProductId,
    [property: Id(1)] string HoldingId,
    [property: Id(2)] string FromWalletId,
    [property: Id(3)] long Amount) : MovementOutcome
{
    public override MovementKind Kind => MovementKind.Investment;

    public override MovementSides Sides => new(MovementSide.Wallet(FromWalletId), MovementSide.Holding(HoldingId));

    protected override MoneyFlow Flow => new(FromWalletId, null, Amount, Amount);
}

/// <summary>
/// Money out of a holding into a wallet (<c>pr_…</c>): redeemed on the customer's asking, or paid at maturity (the id then
/// made from the holding's, so it happens once).
/// </summary>
[Alias("Wallet.IProductRedemptionGrain")]
public interface IProductRedemptionGrain : IMovementGrain
{
    [Alias("Redeem")]
    Task<ProductRedemptionReceipt> Redeem(ProductRedemptionOrder order);

    /// <summary>The redemption as recorded, for whoever asked for it; otherwise null.</summary>
    [Alias("Find")]
    Task<ProductRedemptionReceipt?> Find(string customerId);
}

/// <summary>
/// Take <see cref="Amount"/> (all, when null) out of a holding into the wallet it was bought from (or <see cref="ToWalletId"/>).
/// <see cref="AtMaturity"/>: the holding's own payout at its end, asked by the holding under its customer's name.
/// </summary>
[GenerateSerializer, Immutable, Alias("Wallet.ProductRedemptionOrder")]
public sealed record ProductRedemptionOrder(
    [property: Id(0)] string CustomerId,
    [property: Id(1)] string Fingerprint,
    [property: Id(2)] string HoldingId,
    [property: Id(3)] long? Amount,
    [property: Id(4)] string? ToWalletId,
    [property: Id(5)] bool AtMaturity = false);

/// <summary>A redemption as recorded: <see cref="Amount"/> from the holding into the wallet, <see cref="Yield"/> of it earned; what the holding became.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.ProductRedemptionReceipt")]
public sealed record ProductRedemptionReceipt(
    [property: Id(0)] string ProductId,
    [property: Id(1)] string HoldingId,
    [property: Id(2)] string ToWalletId,
    [property: Id(3)] long Amount,
    [property: Id(4)] long Yield,
    [property: Id(5)] HoldingStatus HoldingStatus,
    [property: Id(6)] bool AtMaturity) : MovementOutcome
{
    public override MovementKind Kind => MovementKind.Investment;

    public override MovementSides Sides => new(MovementSide.Holding(HoldingId), MovementSide.Wallet(ToWalletId));

    protected override MoneyFlow Flow => new(null, ToWalletId, Amount, Amount);
}
