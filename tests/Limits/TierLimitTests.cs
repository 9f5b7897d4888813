using Wallet.Customers;
using Wallet.Limits;
using Wallet.Movements;
using Wallet.Refusals;
using Wallet.Tests.Infrastructure;
using Wallet.Wallets;

namespace Wallet.Tests.Limits;

/// <summary>
/// The tiers' limits at their boundaries, on a fake bank clock: exactly at a limit passes, one fen over
/// is refused with the limit named and nothing moves; days and years turn at midnight in Shanghai.
/// </summary>
[Collection(ClockedClusterCollection.Name)]
public sealed class TierLimitTests(ClockedClusterFixture fixture)
{
    private const long Yuan = 100;
    private readonly Scenario _bank = fixture.Scenario;

    [Fact]
    public async Task Tier_4_sends_exactly_its_single_limit_and_not_one_fen_more()
    {
        fixture.SetShanghaiTime(2026, 3, 2, 10, 0);
        var (alice, wallet) = await _bank.FundedCustomer(5_000 * Yuan);
        var bob = await Receiver();

        AssertRefused(await _bank.Transfer(alice, wallet, bob, 2_000 * Yuan + 1), RefusalCodes.LimitExceeded, LimitNames.Single);
        Assert.Equal(MovementStatus.Completed, (await _bank.Transfer(alice, wallet, bob, 2_000 * Yuan)).Status);

        Assert.Equal(3_000 * Yuan, await _bank.Balance(alice, wallet));
        await _bank.AssertBalanced(wallet, bob);
    }

    [Fact]
    public async Task The_daily_limit_counts_the_Shanghai_day_and_starts_again_at_its_midnight()
    {
        fixture.SetShanghaiTime(2026, 3, 3, 9, 0);
        var (alice, wallet) = await _bank.FundedCustomer(10_000 * Yuan);
        var bob = await Receiver();
        foreach (var amount in new[] { 2_000 * Yuan, 2_000 * Yuan, 1_000 * Yuan - 1 })
        {
            Assert.Equal(MovementStatus.Completed, (await _bank.Transfer(alice, wallet, bob, amount)).Status);
        }
        fixture.SetShanghaiTime(2026, 3, 3, 23, 59, 59);
        Assert.Equal(MovementStatus.Completed, (await _bank.Transfer(alice, wallet, bob, 1)).Status); // exactly ¥5,000 today

        var refused = await _bank.Transfer(alice, wallet, bob, 1);
        AssertRefused(refused, RefusalCodes.LimitExceeded, LimitNames.Daily);
        Assert.Contains("5,000.00 CNY", refused.Refusal?.Detail, StringComparison.Ordinal);

        fixture.SetShanghaiTime(2026, 3, 4, 0, 0); // 16:00 UTC: a new day in Shanghai, still the 3rd in London
        Assert.Equal(MovementStatus.Completed, (await _bank.Transfer(alice, wallet, bob, 1)).Status);
        var view = await fixture.Grains.GetGrain<IWalletGrain>(wallet).GetView(alice.Id);
        Assert.Equal((new DateOnly(2026, 3, 4), 1L, 5_000 * Yuan + 1), (view.Usage.Day, view.Usage.DailyOut, view.Usage.YearlyOut));
        Assert.Equal(5_000 * Yuan - 1, await _bank.Balance(alice, wallet));
        await _bank.AssertBalanced(wallet, bob);
    }

    [Fact]
    public async Task The_yearly_limit_counts_the_Shanghai_year_and_starts_again_on_new_years_day()
    {
        fixture.SetShanghaiTime(2026, 12, 21, 10, 0);
        var (alice, wallet) = await _bank.FundedCustomer(1);
        var card = await _bank.BindVerifiedCard(alice);
        var bob = await Receiver();
        for (var day = 21; day <= 30; day++)
        {
            // Ten days at the daily limit reach the yearly ¥50,000 exactly; the balance cap needs a top-up each day.
            fixture.SetShanghaiTime(2026, 12, day, 10, 0);
            Assert.Equal(MovementStatus.Completed, (await _bank.TopUp(alice, wallet, card, 5_000 * Yuan)).Status);
            foreach (var amount in new[] { 2_000 * Yuan, 2_000 * Yuan, 1_000 * Yuan })
            {
                Assert.Equal(MovementStatus.Completed, (await _bank.Transfer(alice, wallet, bob, amount)).Status);
            }
        }

        fixture.SetShanghaiTime(2026, 12, 31, 23, 59, 59);
        AssertRefused(await _bank.Transfer(alice, wallet, bob, 1), RefusalCodes.LimitExceeded, LimitNames.Yearly);

        fixture.SetShanghaiTime(2027, 1, 1, 0, 0);
        Assert.Equal(MovementStatus.Completed, (await _bank.Transfer(alice, wallet, bob, 1)).Status);
        Assert.Equal(0, await _bank.Balance(alice, wallet));
        await _bank.AssertBalanced(wallet, bob);
    }

    [Fact]
    public async Task Limits_hold_under_concurrent_transfers_because_they_are_checked_in_the_debit_transaction()
    {
        fixture.SetShanghaiTime(2026, 4, 1, 10, 0);
        var (alice, wallet) = await _bank.FundedCustomer(10_000 * Yuan);
        var bob = await Receiver();

        var receipts = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => _bank.Transfer(alice, wallet, bob, 1_000 * Yuan)));

        Assert.Equal(5, receipts.Count(r => r.Status == MovementStatus.Completed));
        // each refused one saw the five that went: the daily limit met, nothing left under it
        Assert.All(receipts.Where(r => r.Status == MovementStatus.Refused), r => Assert.Equal((LimitNames.Daily, 0L), (r.Refusal?.Limit?.Name, r.Refusal?.Limit?.Remaining)));
        Assert.Equal(5_000 * Yuan, await _bank.Balance(alice, wallet));
        await _bank.AssertBalanced(wallet, bob);
    }

    [Fact]
    public async Task A_credit_that_would_break_the_receivers_balance_cap_is_refused_and_the_sender_keeps_the_money()
    {
        fixture.SetShanghaiTime(2026, 5, 1, 10, 0);
        var (alice, from) = await _bank.FundedCustomer(3_000 * Yuan, CustomerTiers.RealName);
        var (bob, to) = await _bank.FundedCustomer(10_000 * Yuan - 1);

        Assert.Equal(MovementStatus.Completed, (await _bank.Transfer(alice, from, to, 1)).Status); // exactly the ¥10,000 cap
        AssertRefused(await _bank.Transfer(alice, from, to, 1), RefusalCodes.BalanceCapExceeded, LimitNames.BalanceCap);

        Assert.Equal((3_000 * Yuan - 1, 10_000 * Yuan), (await _bank.Balance(alice, from), await _bank.Balance(bob, to)));
        var usage = (await fixture.Grains.GetGrain<IWalletGrain>(from).GetView(alice.Id)).Usage;
        Assert.Equal(1, usage.DailyOut); // the refused debit was undone with its usage
        await _bank.AssertBalanced(from, to);
    }

    [Fact]
    public async Task A_top_up_over_the_balance_cap_is_refused_and_the_books_do_not_move()
    {
        fixture.SetShanghaiTime(2026, 5, 2, 10, 0);
        var (alice, wallet) = await _bank.FundedCustomer(9_000 * Yuan);
        var card = await _bank.BindVerifiedCard(alice);

        AssertRefused(await _bank.TopUp(alice, wallet, card, 1_000 * Yuan + 1), RefusalCodes.BalanceCapExceeded, LimitNames.BalanceCap);
        Assert.Equal(MovementStatus.Completed, (await _bank.TopUp(alice, wallet, card, 1_000 * Yuan)).Status);

        Assert.Equal(10_000 * Yuan, await _bank.Balance(alice, wallet));
        await _bank.AssertBalanced(wallet);
    }

    [Fact]
    public async Task Higher_tiers_have_higher_limits_and_tier_1_has_none()
    {
        fixture.SetShanghaiTime(2026, 5, 3, 10, 0);
        var (verified, fromVerified) = await _bank.FundedCustomer(6_000 * Yuan, CustomerTiers.RealName);
        var (inPerson, fromInPerson) = await _bank.FundedCustomer(40_000 * Yuan, CustomerTiers.InPerson);
        var card = await _bank.BindVerifiedCard(inPerson);
        Assert.Equal(MovementStatus.Completed, (await _bank.TopUp(inPerson, fromInPerson, card, 40_000 * Yuan)).Status);
        var bob = await _bank.OpenWallet(await _bank.NewCustomer(CustomerTiers.InPerson));

        Assert.Equal(MovementStatus.Completed, (await _bank.Transfer(verified, fromVerified, bob, 5_000 * Yuan)).Status);
        AssertRefused(await _bank.Transfer(verified, fromVerified, bob, 5_000 * Yuan + 1), RefusalCodes.LimitExceeded, LimitNames.Single);
        Assert.Equal(MovementStatus.Completed, (await _bank.Transfer(inPerson, fromInPerson, bob, 80_000 * Yuan)).Status);

        Assert.Equal(85_000 * Yuan, await _bank.Balance(await Owner(bob), bob));
        await _bank.AssertBalanced(fromVerified, fromInPerson, bob);
    }

    [Fact]
    public async Task A_new_version_of_the_limits_applies_from_its_date()
    {
        fixture.Clock.Set(ClockedClusterFixture.TightenedFrom.AddSeconds(-1));
        var (alice, wallet) = await _bank.FundedCustomer(5_000 * Yuan);
        var bob = await Receiver();
        Assert.Equal(MovementStatus.Completed, (await _bank.Transfer(alice, wallet, bob, ClockedClusterFixture.TightenedSingle + 1)).Status);

        fixture.Clock.Set(ClockedClusterFixture.TightenedFrom);
        AssertRefused(await _bank.Transfer(alice, wallet, bob, ClockedClusterFixture.TightenedSingle + 1), RefusalCodes.LimitExceeded, LimitNames.Single);
        Assert.Equal(MovementStatus.Completed, (await _bank.Transfer(alice, wallet, bob, ClockedClusterFixture.TightenedSingle)).Status);
        Assert.Equal(ClockedClusterFixture.TightenedSingle, (await fixture.Grains.GetGrain<IWalletGrain>(wallet).GetView(alice.Id)).Limits.Single);
        await _bank.AssertBalanced(wallet, bob);
    }

    [Fact]
    public async Task A_downgrade_applies_the_lower_tiers_limits_to_the_next_movement_and_is_recorded()
    {
        fixture.SetShanghaiTime(2026, 5, 4, 10, 0);
        var (alice, wallet) = await _bank.FundedCustomer(9_000 * Yuan, CustomerTiers.InPerson);
        var bob = await Receiver();
        Assert.Equal(MovementStatus.Completed, (await _bank.Transfer(alice, wallet, bob, 3_000 * Yuan)).Status);

        var profile = await fixture.Grains.GetGrain<ICustomerGrain>(alice.Id).ChangeTier(CustomerTiers.Lowest, "risk review");

        Assert.Equal(CustomerTiers.Lowest, profile.Tier);
        Assert.Equal([(4, 3), (3, 1), (1, 4)], profile.TierHistory!.Select(c => (c.From, c.To)));
        Assert.Equal("risk review", profile.TierHistory![^1].Reason);
        AssertRefused(await _bank.Transfer(alice, wallet, bob, 2_000 * Yuan + 1), RefusalCodes.LimitExceeded, LimitNames.Single);
        Assert.Equal(6_000 * Yuan, await _bank.Balance(alice, wallet));
        await _bank.AssertBalanced(wallet, bob);
    }

    private async Task<string> Receiver() => await _bank.OpenWallet(await _bank.NewCustomer(CustomerTiers.InPerson));

    private async Task<TestCustomer> Owner(string walletId)
    {
        var facts = await fixture.Grains.GetGrain<IWalletGrain>(walletId).GetFacts();
        return new TestCustomer(facts!.OwnerId, "");
    }

    private static void AssertRefused(MovementOutcome receipt, string code, string limit)
        => Assert.Equal((MovementStatus.Refused, code, limit), (receipt.Status, receipt.Refusal?.Code, receipt.Refusal?.Limit?.Name));
}
