using Wallet.Movements;
using Wallet.Refusals;
using Wallet.Tests.Infrastructure;

namespace Wallet.Tests.Movements;

[Collection(ClusterCollection.Name)]
public sealed class AbortRetryTests(ClusterFixture fixture)
{
    private readonly Scenario _bank = fixture.Scenario;

    [Fact]
    public async Task Definite_aborts_are_retried_and_never_reach_the_caller()
    {
        var (alice, from, bob, to) = await TwoWallets();
        AbortInjection.AbortDebits(from, times: 3);

        var receipt = await _bank.Transfer(alice, from, to, 400);

        Assert.Equal(MovementStatus.Completed, receipt.Status);
        Assert.Equal(600, await _bank.Balance(alice, from));
        Assert.Equal(400, await _bank.Balance(bob, to));
        Assert.Single(await _bank.Entries(bob, to));
        await _bank.AssertBalanced(from, to);
    }

    [Fact]
    public async Task When_retries_run_out_the_movement_is_in_doubt_and_a_replay_settles_it_once()
    {
        var (alice, from, bob, to) = await TwoWallets();
        AbortInjection.AbortDebits(from, times: TransactionRetry.MaxAttempts);

        var inDoubt = await Assert.ThrowsAsync<WalletRefusedException>(() => _bank.Transfer(alice, from, to, 400, key: "shaky"));
        var untouched = await _bank.Balance(alice, from);
        AbortInjection.Clear(from);
        var replay = await _bank.Transfer(alice, from, to, 400, key: "shaky");
        var again = await _bank.Transfer(alice, from, to, 400, key: "shaky");

        Assert.Equal(RefusalCodes.MovementInDoubt, inDoubt.Code);
        Assert.Equal(1_000, untouched);
        Assert.Equal(MovementStatus.Completed, replay.Status);
        Assert.Equal(replay, again with { Replayed = false });
        Assert.True(again.Replayed, "the second replay answers from the record");
        Assert.Equal(600, await _bank.Balance(alice, from));
        Assert.Equal(400, await _bank.Balance(bob, to));
        await _bank.AssertBalanced(from, to);
    }

    [Fact]
    public async Task A_database_outage_inside_the_transaction_is_never_its_outcome_and_a_replay_after_it_settles_once()
    {
        var (alice, from, bob, to) = await TwoWallets();
        AbortInjection.FailDebitsAsStorage(from, times: TransactionRetry.MaxAttempts);

        var failed = await Assert.ThrowsAsync<WalletRefusedException>(() => _bank.Transfer(alice, from, to, 400, key: "outage"));
        AbortInjection.Clear(from);
        var replay = await _bank.Transfer(alice, from, to, 400, key: "outage");
        var again = await _bank.Transfer(alice, from, to, 400, key: "outage");

        Assert.Contains(failed.Code, new[] { RefusalCodes.StorageUnavailable, RefusalCodes.MovementInDoubt });
        Assert.Equal(MovementStatus.Completed, replay.Status);
        Assert.Equal(replay, again with { Replayed = false });
        Assert.True(again.Replayed, "the second replay answers from the record");
        Assert.Equal((600L, 400L), (await _bank.Balance(alice, from), await _bank.Balance(bob, to)));
        await _bank.AssertBalanced(from, to);
    }

    [Fact]
    public async Task A_short_database_outage_inside_the_transaction_is_retried_through()
    {
        var (alice, from, bob, to) = await TwoWallets();
        AbortInjection.FailDebitsAsStorage(from, times: 2);

        var receipt = await _bank.Transfer(alice, from, to, 400);

        Assert.Equal(MovementStatus.Completed, receipt.Status);
        Assert.Equal((600L, 400L), (await _bank.Balance(alice, from), await _bank.Balance(bob, to)));
        await _bank.AssertBalanced(from, to);
    }

    private async Task<(TestCustomer, string, TestCustomer, string)> TwoWallets()
    {
        var alice = await _bank.NewCustomer();
        var from = await _bank.OpenWallet(alice);
        await _bank.TopUp(alice, from, await _bank.BindVerifiedCard(alice), 1_000);
        var bob = await _bank.NewCustomer();
        return (alice, from, bob, await _bank.OpenWallet(bob));
    }
}
