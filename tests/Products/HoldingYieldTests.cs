using Wallet.Movements;
using Wallet.Products;
using Wallet.Refusals;
using Wallet.Tests.Infrastructure;

namespace Wallet.Tests.Products;

/// <summary>
/// How holdings earn on the fake clock: a fund compounding for a year equals the closed formula to the fen, a deposit's
/// simple interest to its maturity, paid once however many follow-ups race; a deposit withdrawn early earns the demand rate;
/// a wealth product earns from its window's close and pays only at maturity. The books balance after each.
/// </summary>
[Collection(ClockedClusterCollection.Name)]
public sealed class HoldingYieldTests(ClockedClusterFixture fixture)
{
    private readonly Scenario _bank = fixture.Scenario;
    private ProductDesk Desk => new(fixture.Grains, _bank);

    [Fact]
    public async Task A_fund_compounding_daily_for_a_year_equals_the_closed_formula_to_the_fen_and_pays_back_once()
    {
        fixture.SetShanghaiTime(2027, 1, 1, 10, 0);
        var (investor, wallet) = await Desk.Investor(2_000_000);
        var fund = await Desk.Fund(rateBasisPoints: 250);
        var yieldBefore = await Desk.YieldRecorded();
        var bought = await Desk.Buy(investor, wallet, fund, 1_000_000);
        Assert.Equal(MovementStatus.Completed, bought.Status);

        var start = new DateTime(2027, 1, 2, 0, 10, 0);
        for (var day = 0; day < 365; day++)
        {
            var at = start.AddDays(day);
            fixture.SetShanghaiTime(at.Year, at.Month, at.Day, 0, 10);
            await Desk.FollowUp(bought.HoldingId);
        }
        await Desk.FollowUp(bought.HoldingId); // again the same day: nothing new to record

        var closedFormula = (long)Math.Ceiling(1_000_000 * Math.Pow(1 + 250 / 3_650_000.0, 365));
        var holding = await Desk.Holding(investor, bought.HoldingId);
        Assert.Equal((closedFormula, closedFormula - 1_000_000, new DateOnly(2027, 12, 31)), (holding.Value, holding.AccruedYield, holding.AccruedThrough));
        Assert.Equal(closedFormula, await Desk.Owed(fund));
        Assert.Equal(closedFormula - 1_000_000, await Desk.YieldRecorded() - yieldBefore);
        Assert.Equal(7, holding.RecentYields.Count);

        var key = Guid.NewGuid().ToString();
        var redeemed = await Desk.Redeem(investor, bought.HoldingId, key: key);
        Assert.Equal((MovementStatus.Completed, closedFormula, closedFormula - 1_000_000, HoldingStatus.Redeemed),
            (redeemed.Status, redeemed.Amount, redeemed.Yield, redeemed.HoldingStatus));
        Assert.Equal(redeemed, (await Desk.Redeem(investor, bought.HoldingId, key: key)) with { Replayed = false });
        Assert.Equal(RefusalCodes.HoldingClosed, (await Desk.Redeem(investor, bought.HoldingId)).Refusal?.Code);
        Assert.Equal(1_000_000 + closedFormula, await _bank.Balance(investor, wallet));
        Assert.Equal(0, await Desk.Owed(fund));
        await _bank.AssertBalanced(wallet);
        await _bank.AssertBooksBalance();
    }

    [Fact]
    public async Task A_deposit_earns_simple_interest_to_maturity_and_three_follow_ups_at_once_pay_it_once()
    {
        fixture.SetShanghaiTime(2027, 3, 10, 15, 0);
        var (investor, wallet) = await Desk.Investor(1_000_000);
        var deposit = await Desk.Deposit(12, rateBasisPoints: 275);
        var bought = await Desk.Buy(investor, wallet, deposit, 500_000);
        var opened = await Desk.Holding(investor, bought.HoldingId);
        Assert.Equal((new DateOnly(2027, 3, 10), new DateOnly(2028, 3, 10), 275), (opened.ValueDate, opened.MaturityDate, opened.RateBasisPoints));

        fixture.SetShanghaiTime(2027, 6, 10, 8, 0); // 92 days held
        await Desk.FollowUp(bought.HoldingId);
        Assert.Equal(Interest(500_000, 275, 92), (await Desk.Holding(investor, bought.HoldingId)).AccruedYield);
        Assert.Equal(RefusalCodes.ValidationFailed, (await Desk.Redeem(investor, bought.HoldingId, amount: 1_000)).Refusal?.Code);

        fixture.SetShanghaiTime(2028, 3, 10, 0, 10); // 366 days: 2028 is a leap year
        var views = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Desk.FollowUp(bought.HoldingId)));
        var interest = Interest(500_000, 275, 366);
        var matured = await Desk.Holding(investor, bought.HoldingId);
        Assert.Equal((HoldingStatus.Matured, 0L, 500_000 + interest, interest), (matured.Status, matured.Value, matured.PaidOut, matured.AccruedYield));
        Assert.All(views, v => Assert.Equal(HoldingStatus.Matured, v!.Status));
        Assert.Equal(1_000_000 + interest, await _bank.Balance(investor, wallet));
        Assert.Equal(0, await Desk.Owed(deposit));
        await Desk.FollowUp(bought.HoldingId);
        Assert.Equal(1_000_000 + interest, await _bank.Balance(investor, wallet));
        await _bank.AssertBalanced(wallet);
        await _bank.AssertBooksBalance();
    }

    [Fact]
    public async Task A_deposit_withdrawn_early_earns_the_demand_rate_and_gives_the_term_rates_extra_back()
    {
        fixture.SetShanghaiTime(2027, 4, 1, 9, 0);
        var (investor, wallet) = await Desk.Investor(1_000_000);
        var deposit = await Desk.Deposit(6, rateBasisPoints: 200, demandRateBasisPoints: 35);
        var yieldBefore = await Desk.YieldRecorded();
        var bought = await Desk.Buy(investor, wallet, deposit, 800_000);

        fixture.SetShanghaiTime(2027, 5, 1, 9, 0); // 30 days held
        var withdrawn = await Desk.Redeem(investor, bought.HoldingId);
        var demandInterest = (long)Math.Floor(800_000m * 35 * 30 / 3_650_000m); // rounded down: the term's rounding up is for holdings kept
        Assert.Equal((MovementStatus.Completed, 800_000 + demandInterest, demandInterest, HoldingStatus.WithdrawnEarly),
            (withdrawn.Status, withdrawn.Amount, withdrawn.Yield, withdrawn.HoldingStatus));
        Assert.Equal(1_000_000 + demandInterest, await _bank.Balance(investor, wallet));
        Assert.Equal(demandInterest, await Desk.YieldRecorded() - yieldBefore);
        Assert.Equal(demandInterest, (await Desk.Holding(investor, bought.HoldingId)).AccruedYield);
        Assert.Equal(0, await Desk.Owed(deposit));
        await _bank.AssertBooksBalance();
    }

    [Fact]
    public async Task A_wealth_product_earns_from_its_windows_close_and_pays_only_at_maturity()
    {
        fixture.SetShanghaiTime(2027, 7, 1, 11, 0);
        var (investor, wallet) = await Desk.Investor(5_000_000);
        await Desk.Assess(investor, ProductDesk.Middling);
        var wealth = await Desk.Wealth(new DateOnly(2027, 7, 1), new DateOnly(2027, 7, 7), new DateOnly(2027, 10, 8), riskLevel: 3, rateBasisPoints: 380);
        var bought = await Desk.Buy(investor, wallet, wealth, 3_000_000);
        Assert.Equal(MovementStatus.Completed, bought.Status);

        fixture.SetShanghaiTime(2027, 7, 6, 11, 0);
        await Desk.FollowUp(bought.HoldingId);
        Assert.Equal(0, (await Desk.Holding(investor, bought.HoldingId)).AccruedYield); // the window earns nothing
        fixture.SetShanghaiTime(2027, 7, 8, 9, 0); // the window closed last night
        Assert.Equal(RefusalCodes.ProductNotOnSale, (await Assert.ThrowsAsync<WalletRefusedException>(() => Desk.Buy(investor, wallet, wealth, 100_000))).Code);

        fixture.SetShanghaiTime(2027, 8, 8, 11, 0);
        Assert.Equal(RefusalCodes.NotRedeemable, (await Desk.Redeem(investor, bought.HoldingId)).Refusal?.Code);

        fixture.SetShanghaiTime(2027, 10, 8, 0, 10); // July 8 to October 7: 92 days earned
        await Desk.FollowUp(bought.HoldingId);
        var interest = Interest(3_000_000, 380, 92);
        var matured = await Desk.Holding(investor, bought.HoldingId);
        Assert.Equal((HoldingStatus.Matured, 3_000_000 + interest), (matured.Status, matured.PaidOut));
        Assert.Equal(5_000_000 + interest, await _bank.Balance(investor, wallet));
        await _bank.AssertBooksBalance();
    }

    [Fact]
    public async Task A_fund_emptied_and_bought_again_carries_what_rounding_up_paid_ahead_so_the_customer_gains_no_fen_a_day()
    {
        fixture.SetShanghaiTime(2027, 11, 1, 10, 0);
        var (investor, wallet) = await Desk.Investor(10_000);
        var fund = await Desk.Fund(rateBasisPoints: 2_000, minimum: 1);
        var holding = (await Desk.Buy(investor, wallet, fund, 100)).HoldingId;
        fixture.SetShanghaiTime(2027, 11, 2, 10, 0);
        Assert.Equal(101, (await Desk.Redeem(investor, holding)).Amount); // 100.0548 rounded up
        Assert.Equal(MovementStatus.Completed, (await Desk.Buy(investor, wallet, fund, 100)).Status);
        fixture.SetShanghaiTime(2027, 11, 3, 10, 0);
        await Desk.FollowUp(holding);
        var again = await Desk.Holding(investor, holding);
        Assert.Equal((100L, 0L), (again.Value, again.RecentYields[^1].Amount)); // 99.055 × (1 + 0.2/365) is still under 100
        Assert.Equal(100, (await Desk.Redeem(investor, holding)).Amount);
        Assert.Equal(10_000 + 1, await _bank.Balance(investor, wallet)); // one fen ahead in all, never one a day
        await _bank.AssertBooksBalance();
    }

    [Fact]
    public async Task Purchases_redemptions_and_follow_ups_of_one_holding_at_once_all_end_and_balance()
    {
        fixture.SetShanghaiTime(2027, 12, 1, 10, 0);
        var (investor, wallet) = await Desk.Investor(1_000_000);
        var fund = await Desk.Fund();
        var holding = (await Desk.Buy(investor, wallet, fund, 100_000)).HoldingId;
        fixture.SetShanghaiTime(2027, 12, 5, 10, 0);

        var buys = Enumerable.Range(0, 10).Select(i => Desk.Buy(investor, wallet, fund, 1_000, key: $"buy {i}"));
        var redemptions = Enumerable.Range(0, 10).Select(i => Desk.Redeem(investor, holding, 1_000, key: $"out {i}"));
        var followUps = Enumerable.Range(0, 3).Select(_ => Desk.FollowUp(holding));
        var bought = await Task.WhenAll(buys);
        var redeemed = await Task.WhenAll(redemptions);
        await Task.WhenAll(followUps);

        Assert.All(bought, b => Assert.Equal(MovementStatus.Completed, b.Status));
        Assert.All(redeemed, r => Assert.Equal(MovementStatus.Completed, r.Status));
        var view = await Desk.Holding(investor, holding);
        Assert.Equal(new DateOnly(2027, 12, 4), view.AccruedThrough);
        Assert.Equal(1_000_000 + view.AccruedYield, await _bank.Balance(investor, wallet) + view.Value);
        Assert.Equal(view.Value, await Desk.Owed(fund));
        await _bank.AssertBooksBalance();
    }

    /// <summary>Simple interest for the days, rounded up to the fen: the closed formula the holdings must meet.</summary>
    private static long Interest(long principal, int basisPoints, int days) => (long)Math.Ceiling(principal * (decimal)basisPoints * days / 3_650_000m);
}
