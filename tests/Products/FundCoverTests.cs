using Wallet.Movements;
using Wallet.Refusals;
using Wallet.Tests.Families;
using Wallet.Tests.Infrastructure;
using Wallet.Wallets;

namespace Wallet.Tests.Products;

/// <summary>
/// "Balance plus fund": a payment the wallet lacks the money for redeems the shortfall from the owner's money-market fund, then
/// pays; retried under its key it redeems no more; a shortfall the fund cannot hold whole moves nothing from it.
/// </summary>
[Collection(ClockedClusterCollection.Name)]
public sealed class FundCoverTests(ClockedClusterFixture fixture)
{
    private readonly Scenario _bank = fixture.Scenario;
    private ProductDesk Desk => new(fixture.Grains, _bank);

    [Fact]
    public async Task A_payment_short_of_money_redeems_the_shortfall_from_the_fund_once_then_pays()
    {
        fixture.SetShanghaiTime(2027, 8, 2, 12, 0);
        var (investor, wallet) = await Desk.Investor(51_000);
        var fund = await Desk.Fund();
        var holding = (await Desk.Buy(investor, wallet, fund, 50_000)).HoldingId;
        var covers = fixture.Grains.GetGrain<IAutoTopUpGrain>(wallet);
        await covers.SetFundCover(investor.Id, holding);
        var shop = new FamilyScenario(fixture.Grains, _bank);
        var grocer = await shop.Merchant();

        var paid = await shop.Pay(investor, wallet, grocer, 3_000, key: "lunch");
        Assert.Equal((MovementStatus.Completed, 2_000L), (paid.Status, paid.FundCover?.Amount));
        Assert.Equal(paid, (await shop.Pay(investor, wallet, grocer, 3_000, key: "lunch")) with { Replayed = false });
        Assert.Equal((0L, 48_000L), (await _bank.Balance(investor, wallet), (await Desk.Holding(investor, holding)).Value));

        var tooMuch = await shop.Pay(investor, wallet, grocer, 48_001, key: "tv");
        Assert.Equal((MovementStatus.Refused, RefusalCodes.InsufficientFunds, null), (tooMuch.Status, tooMuch.Refusal?.Code, tooMuch.FundCover));
        Assert.Equal(48_000, (await Desk.Holding(investor, holding)).Value);

        await covers.SetFundCover(investor.Id, null);
        Assert.Equal(RefusalCodes.InsufficientFunds, (await shop.Pay(investor, wallet, grocer, 100, key: "gum")).Refusal?.Code);
        Assert.Equal(RefusalCodes.NotFound, (await Assert.ThrowsAsync<WalletRefusedException>(() => covers.SetFundCover(investor.Id, "hld_nobody"))).Code);
        var stranger = await _bank.NewCustomer();
        Assert.Equal(RefusalCodes.NotFound, (await Assert.ThrowsAsync<WalletRefusedException>(() => covers.SetFundCover(stranger.Id, holding))).Code);
        await _bank.AssertBalanced(wallet);
        await _bank.AssertBooksBalance();
    }
}
