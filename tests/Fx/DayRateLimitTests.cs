using Microsoft.Extensions.Options;
using Wallet.Customers;
using Wallet.Fx;
using Wallet.Limits;
using Wallet.Movements;
using Wallet.Refusals;
using Wallet.Tests.Infrastructure;
using Wallet.Wallets;

namespace Wallet.Tests.Fx;

/// <summary>
/// A wallet in another currency is held to its owner's tier limits converted at the day's rate: the mid when the day's
/// rate was first asked, the same all day however the feed moves, and the next day's from then on.
/// </summary>
[Collection(ClockedClusterCollection.Name)]
public sealed class DayRateLimitTests(ClockedClusterFixture fixture)
{
    private readonly Scenario _bank = fixture.Scenario;
    private static readonly LimitSchedule Schedule = new(Options.Create(new LimitOptions()));

    [Fact]
    public async Task A_usd_wallets_single_limit_is_the_cny_limit_at_the_days_rate_to_the_cent_and_moves_with_the_next_day()
    {
        fixture.SetShanghaiTime(2026, 11, 30, 10, 0);
        var alice = await _bank.NewCustomer(CustomerTiers.Lowest);
        var bob = await _bank.NewCustomer(CustomerTiers.Lowest);
        var (from, to) = (await _bank.OpenWallet(alice, "USD"), await _bank.OpenWallet(bob, "USD"));
        var card = await _bank.BindVerifiedCard(alice);
        var topUp = await fixture.Grains.GetGrain<ITopUpGrain>(MovementIds.For(Workflow.TopUp, alice.Id, Guid.NewGuid().ToString()))
            .TopUp(new TopUpOrder(alice.Id, "top-up usd", from, card, 60_000, "USD"));
        Assert.True(MovementStatus.Completed == topUp.Status, $"{topUp.Refusal}");

        var now = fixture.Clock.GetUtcNow();
        var dayRate = await fixture.Grains.GetGrain<IFxFixingGrain>(FxFixings.KeyOf("USD", Schedule.DayOf(now))).PerUnit();
        Assert.NotEqual(7.30m, dayRate); // the feed's mid that morning, not the reference rate
        var single = Schedule.For(CustomerTiers.Lowest, "USD", now, dayRate).Single!.Value;
        Assert.Equal((long)decimal.Floor(200_000 / (dayRate * 100 / 100)), single); // ¥2,000 in cents at the day's rate, rounded down
        Assert.Equal(single, (await fixture.Grains.GetGrain<IWalletGrain>(from).GetView(alice.Id)).Limits.Single);

        // Later that day the feed has moved; the day's rate has not: a cent over is refused, exactly at it passes.
        fixture.SetShanghaiTime(2026, 11, 30, 16, 45);
        Assert.Equal(dayRate, await fixture.Grains.GetGrain<IFxFixingGrain>(FxFixings.KeyOf("USD", Schedule.DayOf(fixture.Clock.GetUtcNow()))).PerUnit());
        var over = await Transfer(alice, from, to, single + 1);
        Assert.Equal((MovementStatus.Refused, RefusalCodes.LimitExceeded, "single"), (over.Status, over.Refusal?.Code, over.Refusal?.Limit?.Name));
        Assert.Equal(MovementStatus.Completed, (await Transfer(alice, from, to, single)).Status);

        // The next day converts at that day's rate.
        fixture.SetShanghaiTime(2026, 12, 1, 9, 0);
        var nextRate = await fixture.Grains.GetGrain<IFxFixingGrain>(FxFixings.KeyOf("USD", Schedule.DayOf(fixture.Clock.GetUtcNow()))).PerUnit();
        Assert.NotEqual(dayRate, nextRate);
        Assert.Equal(Schedule.For(CustomerTiers.Lowest, "USD", fixture.Clock.GetUtcNow(), nextRate).Single,
            (await fixture.Grains.GetGrain<IWalletGrain>(from).GetView(alice.Id)).Limits.Single);
        await _bank.AssertBalanced(from, to);
    }

    private Task<TransferReceipt> Transfer(TestCustomer customer, string from, string to, long amount)
        => fixture.Grains.GetGrain<ITransferGrain>(MovementIds.For(Workflow.Transfer, customer.Id, Guid.NewGuid().ToString()))
            .Transfer(new TransferOrder(customer.Id, $"usd {amount}", from, to, null, amount, "USD", null, PaymentAuthorisation.WithPin(TestData.Pin)));
}
