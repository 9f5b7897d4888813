using Wallet.Customers;
using Wallet.Movements;
using Wallet.Products;
using Wallet.Refusals;
using Wallet.Tests.Infrastructure;

namespace Wallet.Tests.Products;

/// <summary>
/// Who may buy what, at the boundaries: tier 2 to buy at all, a year's risk assessment above R1, a tolerance that reaches the
/// product's level; and a product only while it is on sale, from its minimum, within its quota — a thousand buyers at once
/// never raise more than it. A refusal moves nothing.
/// </summary>
[Collection(ClockedClusterCollection.Name)]
public sealed class ProductSuitabilityTests(ClockedClusterFixture fixture)
{
    private readonly Scenario _bank = fixture.Scenario;
    private ProductDesk Desk => new(fixture.Grains, _bank);

    [Fact]
    public async Task Tier_assessment_and_tolerance_are_checked_at_their_boundaries_and_a_refusal_moves_nothing()
    {
        fixture.SetShanghaiTime(2027, 2, 1, 10, 0);
        var wealth = await Desk.Wealth(new DateOnly(2027, 1, 1), new DateOnly(2028, 12, 31), new DateOnly(2029, 6, 30), riskLevel: 3);
        var fund = await Desk.Fund();

        var (realNameOnly, hisWallet) = await _bank.FundedCustomer(100_000, CustomerTiers.RealName);
        Assert.Equal(RefusalCodes.HigherTierRequired, await Refusal(() => Desk.Buy(realNameOnly, hisWallet, fund, 10_000)));
        Assert.Equal(100_000, await _bank.Balance(realNameOnly, hisWallet));

        var (investor, wallet) = await Desk.Investor(1_000_000);
        Assert.Equal(MovementStatus.Completed, (await Desk.Buy(investor, wallet, fund, 10_000)).Status); // R1 needs no assessment
        Assert.Equal(RefusalCodes.RiskAssessmentRequired, await Refusal(() => Desk.Buy(investor, wallet, wealth, 10_000)));

        Assert.Equal(2, (await Desk.Assess(investor, ProductDesk.Cautious)).Tolerance);
        Assert.Equal(RefusalCodes.ProductRiskTooHigh, await Refusal(() => Desk.Buy(investor, wallet, wealth, 10_000)));
        Assert.Equal(RefusalCodes.ValidationFailed, await Refusal(() => Desk.Assess(investor, [3, 3, 3])));
        Assert.Equal(RefusalCodes.ValidationFailed, await Refusal(() => Desk.Assess(investor, [3, 3, 3, 3, 6])));

        var assessed = await Desk.Assess(investor, ProductDesk.Middling);
        Assert.Equal(3, assessed.Tolerance);
        Assert.Equal(MovementStatus.Completed, (await Desk.Buy(investor, wallet, wealth, 10_000)).Status); // C3 reaches R3
        Assert.Equal(1_000_000 - 20_000, await _bank.Balance(investor, wallet));

        fixture.Clock.Set(assessed.ValidUntil); // a year on, the assessment no longer stands
        Assert.Equal(RefusalCodes.RiskAssessmentRequired, await Refusal(() => Desk.Buy(investor, wallet, wealth, 10_000)));
        Assert.Equal(1_000_000 - 20_000, await _bank.Balance(investor, wallet));
        await _bank.AssertBooksBalance();
    }

    [Fact]
    public async Task A_product_sells_only_while_published_from_its_minimum_and_never_past_its_quota()
    {
        fixture.SetShanghaiTime(2027, 5, 1, 10, 0);
        var (investor, wallet) = await Desk.Investor(1_000_000);
        var fund = await Desk.Fund(quota: 50_000, minimum: 1_000);

        Assert.Equal(RefusalCodes.AmountTooSmall, await Refusal(() => Desk.Buy(investor, wallet, fund, 999)));
        await Desk.Product(fund).Move(ProductStatus.Paused);
        Assert.Equal(RefusalCodes.ProductNotOnSale, await Refusal(() => Desk.Buy(investor, wallet, fund, 1_000)));
        await Desk.Product(fund).Move(ProductStatus.Published);
        Assert.Equal(MovementStatus.Completed, (await Desk.Buy(investor, wallet, fund, 40_000)).Status);
        var over = await Desk.Buy(investor, wallet, fund, 10_001);
        Assert.Equal((MovementStatus.Refused, RefusalCodes.QuotaExhausted), (over.Status, over.Refusal?.Code));
        Assert.Equal(1_000_000 - 40_000, await _bank.Balance(investor, wallet));

        await Desk.Product(fund).Move(ProductStatus.Closed);
        Assert.Equal(RefusalCodes.ProductClosed, await Refusal(() => Desk.Product(fund).Move(ProductStatus.Published)));
        Assert.Equal(RefusalCodes.ProductNotOnSale, await Refusal(() => Desk.Buy(investor, wallet, fund, 1_000)));
        Assert.Equal(40_000, (await Desk.Product(fund).View())!.Raised);
        await _bank.AssertBooksBalance();
    }

    [Fact]
    public async Task A_thousand_buyers_at_once_never_raise_more_than_the_quota()
    {
        fixture.SetShanghaiTime(2027, 9, 1, 10, 0);
        const int buyers = 1_000, each = 10_000, sold = 300;
        var wealth = await Desk.Wealth(new DateOnly(2027, 9, 1), new DateOnly(2027, 9, 30), new DateOnly(2028, 3, 31), riskLevel: 2, quota: sold * each);
        var investors = new (TestCustomer Customer, string Wallet)[buyers];
        await Parallel.ForEachAsync(Enumerable.Range(0, buyers), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, _) =>
        {
            investors[i] = await Desk.Investor(each);
            await Desk.Assess(investors[i].Customer, ProductDesk.Middling);
        });
        var owedBefore = await Desk.Owed(wealth);

        var receipts = await Task.WhenAll(investors.Select(i =>
        {
            var key = Guid.NewGuid().ToString(); // a client that hears nothing asks again under the same key
            return Scenario.AsAClientWould(() => Desk.Buy(i.Customer, i.Wallet, wealth, each, key));
        }));

        Assert.Equal(sold, receipts.Count(r => r.Status == MovementStatus.Completed));
        Assert.All(receipts.Where(r => r.Status != MovementStatus.Completed), r => Assert.Equal(RefusalCodes.QuotaExhausted, r.Refusal?.Code));
        Assert.Equal(sold * each, (await Desk.Product(wealth).View())!.Raised);
        Assert.Equal(owedBefore + sold * each, await Desk.Owed(wealth));
        var balances = await Task.WhenAll(investors.Select(i => _bank.Balance(i.Customer, i.Wallet)));
        Assert.Equal(sold, balances.Count(b => b == 0));
        Assert.Equal(buyers - sold, balances.Count(b => b == each));
        await _bank.AssertBooksBalance();
    }

    private static async Task<string> Refusal<T>(Func<Task<T>> act) => (await Assert.ThrowsAsync<WalletRefusedException>(act)).Code;
}
