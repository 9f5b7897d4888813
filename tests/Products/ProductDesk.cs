using Wallet.Customers;
using Wallet.Identity;
using Wallet.Ledger;
using Wallet.Movements;
using Wallet.Products;
using Wallet.Tests.Infrastructure;

namespace Wallet.Tests.Products;

/// <summary>The bank's products as its operators set them up and its customers buy and redeem them, straight on the grains.</summary>
public sealed class ProductDesk(IGrainFactory grains, Scenario bank)
{
    /// <summary>Answers that score C5 (every answer the boldest), C3 (the middle) and C2.</summary>
    public static readonly int[] Bold = [5, 5, 5, 5, 5], Middling = [3, 3, 3, 3, 3], Cautious = [2, 2, 2, 2, 2];

    /// <summary>A customer at tier 2 (real name and a debit card in it), with a wallet holding <paramref name="funds"/>.</summary>
    public async Task<(TestCustomer Customer, string Wallet)> Investor(long funds = 10_000_000)
    {
        var customer = await bank.NewCustomer(CustomerTiers.RealName);
        var wallet = await bank.OpenWallet(customer);
        var card = await bank.BindVerifiedCard(customer, TestData.Card());
        Assert.Equal(CustomerTiers.DebitCard, (await grains.GetGrain<ICustomerGrain>(customer.Id).GetProfile()).Tier);
        if (funds > 0)
        {
            Assert.Equal(MovementStatus.Completed, (await bank.TopUp(customer, wallet, card, funds)).Status);
        }
        return (customer, wallet);
    }

    public async Task<string> Fund(int rateBasisPoints = 250, int riskLevel = 1, long? quota = null, long minimum = 100)
        => await Published(new ProductTerms(Ids.New(IdPrefixes.Product), "余额宝 Money fund", ProductKind.MoneyMarket, riskLevel, "CNY", rateBasisPoints, 35,
            minimum, quota, null, null, null, null));

    public async Task<string> Deposit(int months, int rateBasisPoints = 275, int demandRateBasisPoints = 35)
        => await Published(new ProductTerms(Ids.New(IdPrefixes.Product), $"{months} 个月定期 {months}-month deposit", ProductKind.TermDeposit, 1, "CNY",
            rateBasisPoints, demandRateBasisPoints, 100, null, months, null, null, null));

    public async Task<string> Wealth(DateOnly opens, DateOnly closes, DateOnly matures, int riskLevel = 3, long? quota = 100_000_000, int rateBasisPoints = 380, long minimum = 100)
        => await Published(new ProductTerms(Ids.New(IdPrefixes.Product), "稳健理财 Steady wealth", ProductKind.Wealth, riskLevel, "CNY", rateBasisPoints, 0,
            minimum, quota, null, opens, closes, matures));

    private async Task<string> Published(ProductTerms terms)
    {
        await Product(terms.ProductId).Create(terms);
        await Product(terms.ProductId).Move(ProductStatus.Published);
        return terms.ProductId;
    }

    public Task<ProductPurchaseReceipt> Buy(TestCustomer customer, string walletId, string productId, long amount, string? key = null)
        => grains.GetGrain<IProductPurchaseGrain>(MovementIds.For(Workflow.ProductPurchase, customer.Id, key ?? Guid.NewGuid().ToString()))
            .Buy(new ProductPurchaseOrder(customer.Id, $"buy {productId} {walletId} {amount}", productId, walletId, amount, PaymentAuthorisation.WithPin(TestData.Pin)));

    public Task<ProductRedemptionReceipt> Redeem(TestCustomer customer, string holdingId, long? amount = null, string? key = null)
        => grains.GetGrain<IProductRedemptionGrain>(MovementIds.For(Workflow.ProductRedemption, customer.Id, key ?? Guid.NewGuid().ToString()))
            .Redeem(new ProductRedemptionOrder(customer.Id, $"redeem {holdingId} {amount}", holdingId, amount, null));

    public Task<RiskAssessment> Assess(TestCustomer customer, int[] answers) => grains.GetGrain<IRiskAssessmentGrain>(customer.Id).Assess(answers);

    public async Task<HoldingView> Holding(TestCustomer customer, string holdingId)
        => await grains.GetGrain<IHoldingGrain>(holdingId).View(customer.Id) ?? throw new InvalidOperationException($"no holding {holdingId}");

    public Task<HoldingView?> FollowUp(string holdingId) => grains.GetGrain<IHoldingGrain>(holdingId).FollowUp();

    public IProductGrain Product(string productId) => grains.GetGrain<IProductGrain>(productId);

    /// <summary>What the product's clearing account holds: what its holders are owed.</summary>
    public async Task<long> Owed(string productId) => await Sum(ClearingAccounts.Product(productId));

    /// <summary>The yield the bank has recorded for all its products' holders so far (its cost: positive here).</summary>
    public async Task<long> YieldRecorded() => -await Sum(ClearingAccounts.ProductYield);

    private async Task<long> Sum(string purpose)
        => (await Task.WhenAll(ClearingAccounts.ShardsOf(purpose, "CNY").Select(key => grains.GetGrain<IClearingAccountGrain>(key).ReadBalance()))).Sum();
}
