using Wallet.Movements;
using Wallet.Refusals;
using Wallet.Tests.Infrastructure;

namespace Wallet.Tests.Movements;

[Collection(ClusterCollection.Name)]
public sealed class ExactlyOnceTests(ClusterFixture fixture)
{
    private readonly Scenario _bank = fixture.Scenario;

    [Fact]
    public async Task Transfer_replayed_with_same_key_moves_money_once()
    {
        var (alice, aliceWallet) = await _bank.FundedCustomer(10_000);
        var bob = await _bank.NewCustomer();
        var bobWallet = await _bank.OpenWallet(bob);

        var first = await _bank.Transfer(alice, aliceWallet, bobWallet, 1_250, key: "rent");
        var replay = await _bank.Transfer(alice, aliceWallet, bobWallet, 1_250, key: "rent");

        Assert.Equal(MovementStatus.Completed, first.Status);
        Assert.Equal(first, replay with { Replayed = false });
        Assert.True(replay.Replayed, "a replay says it is one");
        Assert.Equal(8_750, await _bank.Balance(alice, aliceWallet));
        Assert.Equal(1_250, await _bank.Balance(bob, bobWallet));
        Assert.Single(await _bank.Entries(bob, bobWallet));
        await _bank.AssertBalanced(aliceWallet, bobWallet);
    }

    [Fact]
    public async Task A_replay_reaching_a_fresh_activation_returns_the_recorded_outcome_even_where_it_would_now_be_refused()
    {
        var (alice, aliceWallet) = await _bank.FundedCustomer(1_000);
        var bob = await _bank.NewCustomer();
        var bobWallet = await _bank.OpenWallet(bob);
        var first = await _bank.Transfer(alice, aliceWallet, bobWallet, 1_000, key: "everything");

        // Idle activations are dropped, so the replays below meet a movement that must read its stored record.
        await fixture.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        var replay = await _bank.Transfer(alice, aliceWallet, bobWallet, 1_000, key: "everything");
        await fixture.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        var replayWithWrongPin = await _bank.Transfer(alice, aliceWallet, bobWallet, 1_000, key: "everything", pin: "000000");

        Assert.Equal(MovementStatus.Completed, first.Status);
        Assert.Equal(first, replay with { Replayed = false });
        Assert.Equal(first, replayWithWrongPin with { Replayed = false });
        Assert.Equal(0, await _bank.Balance(alice, aliceWallet));
        Assert.Equal(1_000, await _bank.Balance(bob, bobWallet));
        await _bank.AssertBalanced(aliceWallet, bobWallet);
    }

    [Fact]
    public async Task Transfer_with_reused_key_and_different_amount_is_rejected()
    {
        var (alice, aliceWallet) = await _bank.FundedCustomer(10_000);
        var bob = await _bank.NewCustomer();
        var bobWallet = await _bank.OpenWallet(bob);
        await _bank.Transfer(alice, aliceWallet, bobWallet, 100, key: "k");

        var refused = await Assert.ThrowsAsync<WalletRefusedException>(() => _bank.Transfer(alice, aliceWallet, bobWallet, 200, key: "k"));

        Assert.Equal(RefusalCodes.IdempotencyKeyReused, refused.Code);
        Assert.Equal(100, await _bank.Balance(bob, bobWallet));
        await _bank.AssertBalanced(aliceWallet, bobWallet);
    }

    [Fact]
    public async Task Sixteen_concurrent_requests_with_one_key_make_one_movement()
    {
        var (alice, aliceWallet) = await _bank.FundedCustomer(10_000);
        var bob = await _bank.NewCustomer();
        var bobWallet = await _bank.OpenWallet(bob);

        var receipts = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => _bank.Transfer(alice, aliceWallet, bobWallet, 700, key: "once")));

        Assert.All(receipts, r => Assert.Equal(receipts[0] with { Replayed = false }, r with { Replayed = false }));
        Assert.Single(receipts, r => !r.Replayed); // the request that moved the money
        Assert.Equal(700, await _bank.Balance(bob, bobWallet));
        Assert.Equal(9_300, await _bank.Balance(alice, aliceWallet));
        await _bank.AssertBalanced(aliceWallet, bobWallet);
    }

    [Fact]
    public async Task Insufficient_funds_is_recorded_and_replayed_without_moving_money()
    {
        var (alice, aliceWallet) = await _bank.FundedCustomer(500);
        var bob = await _bank.NewCustomer();
        var bobWallet = await _bank.OpenWallet(bob);

        var refused = await _bank.Transfer(alice, aliceWallet, bobWallet, 501, key: "too-much");
        await _bank.TopUp(alice, aliceWallet, await _bank.BindVerifiedCard(alice), 1_000);
        var replay = await _bank.Transfer(alice, aliceWallet, bobWallet, 501, key: "too-much");

        Assert.Equal(MovementStatus.Refused, refused.Status);
        Assert.Equal(RefusalCodes.InsufficientFunds, refused.Refusal?.Code);
        Assert.Equal(refused, replay with { Replayed = false });
        Assert.Equal(0, await _bank.Balance(bob, bobWallet));
        Assert.Equal(1_500, await _bank.Balance(alice, aliceWallet));
        await _bank.AssertBalanced(aliceWallet, bobWallet);
    }

    [Fact]
    public async Task Wrong_pin_moves_nothing_and_leaves_the_key_free()
    {
        var (alice, aliceWallet) = await _bank.FundedCustomer(1_000);
        var bob = await _bank.NewCustomer();
        var bobWallet = await _bank.OpenWallet(bob);

        var refused = await Assert.ThrowsAsync<WalletRefusedException>(() => _bank.Transfer(alice, aliceWallet, bobWallet, 100, key: "pin", pin: "000000"));
        var retried = await _bank.Transfer(alice, aliceWallet, bobWallet, 100, key: "pin");

        Assert.Equal(RefusalCodes.InvalidPin, refused.Code);
        Assert.Equal(MovementStatus.Completed, retried.Status);
        Assert.Equal(100, await _bank.Balance(bob, bobWallet));
        await _bank.AssertBalanced(aliceWallet, bobWallet);
    }

    [Fact]
    public async Task Declined_card_top_up_is_refused_and_nothing_moves()
    {
        var alice = await _bank.NewCustomer();
        var wallet = await _bank.OpenWallet(alice);
        var card = await _bank.BindVerifiedCard(alice, TestData.DecliningCard());

        var receipt = await _bank.TopUp(alice, wallet, card, 1_000);

        Assert.Equal(RefusalCodes.CardDeclined, receipt.Refusal?.Code);
        Assert.Equal(0, await _bank.Balance(alice, wallet));
        await _bank.AssertBalanced(wallet);
    }

    [Fact]
    public async Task Withdrawal_moves_money_to_the_withdrawal_clearing_account_and_books_balance()
    {
        var (alice, wallet) = await _bank.FundedCustomer(5_000);
        var card = await _bank.BindVerifiedCard(alice);

        var receipt = await _bank.Withdraw(alice, wallet, card, 3_000);
        var overdraw = await _bank.Withdraw(alice, wallet, card, 2_001);

        Assert.Equal(MovementStatus.Completed, receipt.Status);
        Assert.Equal(RefusalCodes.InsufficientFunds, overdraw.Refusal?.Code);
        Assert.Equal(2_000, await _bank.Balance(alice, wallet));
        await _bank.AssertBooksBalance();
    }
}
