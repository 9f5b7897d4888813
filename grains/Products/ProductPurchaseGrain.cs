using Wallet.Customers;
using Wallet.Devices;
using Wallet.Hosting;
using Wallet.Identity;
using Wallet.Ledger;
using Wallet.Movements;
using Wallet.Refusals;
using Wallet.Wallets;

namespace Wallet.Products;

/// <summary>
/// A customer buys a product: one transaction debits their wallet, draws on the product's quota, credits the product's
/// clearing account and opens (or adds to) their holding. Who may buy is checked first: tier 2 or better, and above R1 a
/// risk assessment of the last year whose tolerance reaches the product's level.
/// </summary>
[Orleans.Placement.PreferLocalPlacement]
public sealed class ProductPurchaseGrain(
    [TransactionalState("movement", StorageNames.Wallet)] ITransactionalState<ProductPurchaseRecord> record,
    MovementServices services)
    : MovementGrain<ProductPurchaseReceipt, ProductPurchaseRecord>(record, services), IProductPurchaseGrain
{
    public Task<ProductPurchaseReceipt> Buy(ProductPurchaseOrder order) => CommitAsPlanned(order.CustomerId, order.Fingerprint, () => Plan(order),
        planned => Commit(order.CustomerId, order.Fingerprint, planned.Receipt, async () =>
        {
            if (await Wallet(planned.Receipt.FromWalletId).Debit(planned.Debit) is { } refusal)
            {
                return refusal;
            }
            // Past the debit, a refusal must abort the transaction (thrown), so the debit is undone with it.
            if (await Product(order.ProductId).Draw(MovementId, order.Amount) is { } unsold)
            {
                throw unsold.AsException();
            }
            if (await Holding(planned.Receipt.HoldingId).Subscribe(MovementId, planned.Subscription, planned.Rates) is { } closed)
            {
                throw closed.AsException();
            }
            // Last: every product transaction locks the wallet, the quota, the holding, the yield account, then the product's account.
            await Clearing(ClearingAccounts.Product(order.ProductId), planned.Subscription.Terms.Currency, planned.Receipt.HoldingId).Post(MovementId, order.Amount);
            return null;
        }));

    public Task<ProductPurchaseReceipt?> Find(string customerId) => RecordedFor(customerId);

    private async Task<(ProductPurchaseReceipt Receipt, Posting Debit, HoldingSubscription Subscription, IReadOnlyList<ProductRate> Rates)> Plan(ProductPurchaseOrder order)
    {
        RequireMovableAmount(order.Amount, currency: null);
        var offer = await Product(order.ProductId).Offer() is { Status: not ProductStatus.Draft } found ? found : throw WalletRefusedException.NotFound("The product");
        var terms = offer.Terms;
        if (offer.NotOnSale is { } why)
        {
            throw new WalletRefusedException(RefusalCodes.ProductNotOnSale, why); // early; the quota's transaction decides for good
        }
        if (order.Amount < terms.MinimumAmount)
        {
            throw new WalletRefusedException(RefusalCodes.AmountTooSmall, $"This product is bought from {terms.MinimumAmount} minor units.");
        }
        await RequireSuitable(order.CustomerId, terms);
        await PayerSays(order.CustomerId, order.Authorisation, order.Fingerprint, SignedPayment.ProductPurchase, order.Amount, terms.Currency, order.ProductId);
        var from = await OwnWallet(order.CustomerId, order.FromWalletId, terms.Currency, outgoing: true);
        // A customer holds a fund once (each purchase adds to it); each deposit and wealth purchase is a holding of its own.
        var holdingId = Ids.ForIdempotencyKey(IdPrefixes.Holding, order.CustomerId, terms.Kind == ProductKind.MoneyMarket ? order.ProductId : MovementId);
        var subscription = new HoldingSubscription(order.CustomerId, terms, from.WalletId, order.Amount);
        // Before the commit: the holding's daily reminder and its place in the customer's list never depend on an answer that may not come.
        await Holding(holdingId).Track(order.CustomerId);
        var receipt = Accepted(new ProductPurchaseReceipt(order.ProductId, holdingId, from.WalletId, order.Amount), terms.Currency);
        var debit = new Posting(MovementId, MovementKind.Investment, order.CustomerId, order.Amount, terms.Currency, holdingId, terms.Name, PayerAuthorised: true);
        return (receipt, debit, subscription, offer.Rates);
    }

    /// <summary>As banks must: tier 2 or better to buy at all; above R1, a risk assessment of the last year reaching the product's level.</summary>
    private async Task RequireSuitable(string customerId, ProductTerms terms)
    {
        var tier = (await GrainFactory.GetGrain<ICustomerGrain>(customerId).GetProfile()).Tier;
        var assessment = terms.RiskLevel > RiskLevels.Lowest ? await GrainFactory.GetGrain<IRiskAssessmentGrain>(customerId).Current() : null;
        if (Suitability.Of(tier, assessment, terms.RiskLevel, Clock.GetUtcNow()) is { } unsuitable)
        {
            throw unsuitable.AsException();
        }
    }

    private IProductGrain Product(string productId) => GrainFactory.GetGrain<IProductGrain>(productId);

    private IHoldingGrain Holding(string holdingId) => GrainFactory.GetGrain<IHoldingGrain>(holdingId);
}

[GenerateSerializer, Alias("Wallet.ProductPurchaseRecord")]
public sealed class ProductPurchaseRecord : MovementRecord<ProductPurchaseReceipt>;
