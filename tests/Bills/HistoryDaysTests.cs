using Wallet.Tests.Infrastructure;
using Wallet.Wallets;

namespace Wallet.Tests.Bills;

/// <summary>A search by bank days follows the Asia/Shanghai calendar: midnight there, not in UTC, starts a day.</summary>
[Collection(ClockedClusterCollection.Name)]
public sealed class HistoryDaysTests(ClockedClusterFixture fixture)
{
    private static readonly TimeSpan s_china = TimeSpan.FromHours(8);

    [Fact]
    public async Task Entries_a_minute_either_side_of_midnight_in_Shanghai_fall_on_their_own_bank_days()
    {
        var bank = fixture.Scenario;
        fixture.Clock.Set(new DateTimeOffset(2026, 6, 30, 12, 0, 0, s_china));
        var (alice, from) = await bank.FundedCustomer(10_000);
        var to = await bank.OpenWallet(await bank.NewCustomer());
        fixture.Clock.Set(new DateTimeOffset(2026, 6, 30, 23, 59, 0, s_china)); // 15:59 UTC
        await bank.Transfer(alice, from, to, 101);
        fixture.Clock.Set(new DateTimeOffset(2026, 7, 1, 0, 0, 0, s_china)); // 16:00 UTC, still June 30 there
        await bank.Transfer(alice, from, to, 202);

        Assert.Equal(new long[] { 101L }, await Amounts(alice, from, new DateOnly(2026, 6, 30), new DateOnly(2026, 6, 30)));
        Assert.Equal(new long[] { 202L }, await Amounts(alice, from, new DateOnly(2026, 7, 1), new DateOnly(2026, 7, 1)));
        Assert.Equal(new long[] { 202L, 101L }, await Amounts(alice, from, new DateOnly(2026, 6, 30), new DateOnly(2026, 7, 1)));
        Assert.Equal(new long[] { 202L }, await Amounts(alice, from, new DateOnly(2026, 7, 1), null));
        Assert.Equal(new long[] { 101L }, await Amounts(alice, from, new DateOnly(2026, 6, 2), new DateOnly(2026, 6, 30)));
        Assert.Empty(await Amounts(alice, from, new DateOnly(2026, 7, 2), null));
    }

    /// <summary>The transfers out (not the top-up in) found on those days.</summary>
    private async Task<long[]> Amounts(TestCustomer customer, string wallet, DateOnly? first, DateOnly? last)
    {
        var page = await fixture.Grains.GetGrain<IWalletStatementGrain>(wallet)
            .GetEntries(customer.Id, new EntryQuery(50, null, null, null, MovementKind.Transfer, FromDay: first, ToDay: last));
        return [.. page.Items.Select(e => e.Amount)];
    }
}
