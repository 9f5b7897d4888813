using Wallet.Movements;
using Wallet.Notifications;
using Wallet.RedPackets;
using Wallet.Refusals;
using Wallet.Tests.Infrastructure;
using Wallet.Wallets;

namespace Wallet.Tests.RedPackets;

/// <summary>
/// One-to-one red packets on the fake clock: sent in one transaction into the red-packet clearing account, claimed once by
/// their recipient (a repeat answers the same share), refused to the sender and to strangers, and what nobody claimed back
/// to the sender exactly once after 24 hours, however many reminder ticks come, also after the activations are gone. Money
/// is conserved across sender, claimant and the clearing account, and the books balance after every test.
/// </summary>
[Collection(ClockedClusterCollection.Name)]
public sealed class RedPacketTests(ClockedClusterFixture fixture)
{
    private readonly Scenario _bank = fixture.Scenario;
    private RedPacketDesk Desk => new(fixture.Grains);

    [Fact]
    public async Task A_one_to_one_packet_is_claimed_once_by_its_recipient_and_a_repeat_answers_the_same_share()
    {
        fixture.SetShanghaiTime(2027, 2, 1, 20, 0);
        var (alice, aliceWallet) = await _bank.FundedCustomer(10_000);
        var bob = await _bank.NewCustomer();
        var bobWallet = await _bank.OpenWallet(bob);
        var held = await Desk.Held();

        var sent = await Desk.Send(alice, aliceWallet, 888, toPhone: bob.Phone, message: "新年快乐");

        var packet = sent.Packet;
        Assert.True(MovementStatus.Completed == packet.Status, $"{packet.Refusal}");
        Assert.StartsWith("rp_", packet.MovementId, StringComparison.Ordinal);
        Assert.Equal((bob.Id, 1, 888L, RedPacketStatus.Open, 1), (packet.Audience.CustomerId, packet.Shares, packet.Total, sent.Status, sent.SharesLeft));
        Assert.Equal(fixture.Clock.GetUtcNow().AddDays(1), packet.ExpiresAt);
        Assert.Equal(10_000 - 888, await _bank.Balance(alice, aliceWallet));
        Assert.Equal(held + 888, await Desk.Held());
        var sentEntry = Assert.Single(await _bank.Entries(alice, aliceWallet), e => e.Kind == MovementKind.RedPacket);
        Assert.Equal((EntryDirection.Out, 888L, packet.MovementId, "新年快乐"), (sentEntry.Direction, sentEntry.Amount, sentEntry.Counterparty, sentEntry.Memo));

        var claimed = await Desk.Claim(bob, packet.MovementId);
        var again = await Desk.Claim(bob, packet.MovementId);

        Assert.Equal((MovementStatus.Completed, 888L, 0, bobWallet), (claimed.Status, claimed.Amount, claimed.ShareIndex, claimed.WalletId));
        Assert.StartsWith("rpc_", claimed.MovementId, StringComparison.Ordinal);
        Assert.Equal(claimed, again with { Replayed = false });
        Assert.True(again.Replayed, "a second claim answers the first one's share");
        Assert.Equal(888, await _bank.Balance(bob, bobWallet));
        Assert.Equal(held, await Desk.Held());
        var view = await Desk.Packet(packet.MovementId).Find(bob.Id);
        Assert.Equal((RedPacketStatus.Claimed, 0, 888L), (view!.Status, view.SharesLeft, view.Yours!.Amount));
        Assert.Equal(view.Yours, Assert.Single((await Desk.Packet(packet.MovementId).Find(alice.Id))!.Claims));
        await _bank.AssertBalanced(aliceWallet, bobWallet);
        await _bank.AssertBooksBalance();
    }

    [Fact]
    public async Task The_sender_and_strangers_cannot_claim_a_one_to_one_packet_and_a_stranger_does_not_learn_it_exists()
    {
        fixture.SetShanghaiTime(2027, 2, 2, 9, 0);
        var (alice, aliceWallet) = await _bank.FundedCustomer(5_000);
        var bob = await _bank.NewCustomer();
        var bobWallet = await _bank.OpenWallet(bob);
        var mallory = await _bank.NewCustomer();
        var malloryWallet = await _bank.OpenWallet(mallory);
        var packet = (await Desk.Send(alice, aliceWallet, 500, toCustomerId: bob.Id)).Packet;

        Assert.Equal(RefusalCodes.OwnRedPacket, (await Assert.ThrowsAsync<WalletRefusedException>(() => Desk.Claim(alice, packet.MovementId))).Code);
        Assert.Equal(RefusalCodes.NotFound, (await Assert.ThrowsAsync<WalletRefusedException>(() => Desk.Claim(mallory, packet.MovementId))).Code);
        Assert.Null(await Desk.Packet(packet.MovementId).Find(mallory.Id));
        Assert.Equal(RefusalCodes.NotFound, (await Assert.ThrowsAsync<WalletRefusedException>(() => Desk.Claim(mallory, "rp_00000000000000000000000000"))).Code);
        // Bob names Mallory's wallet: not his, not found.
        Assert.Equal(RefusalCodes.NotFound, (await Assert.ThrowsAsync<WalletRefusedException>(() => Desk.Claim(bob, packet.MovementId, malloryWallet))).Code);

        Assert.Equal(500, (await Desk.Claim(bob, packet.MovementId, bobWallet)).Amount);
        Assert.Equal((4_500L, 500L, 0L), (await _bank.Balance(alice, aliceWallet), await _bank.Balance(bob, bobWallet), await _bank.Balance(mallory, malloryWallet)));
        await _bank.AssertBalanced(aliceWallet, bobWallet, malloryWallet);
        await _bank.AssertBooksBalance();
    }

    [Fact]
    public async Task Bad_orders_are_refused_and_move_nothing()
    {
        fixture.SetShanghaiTime(2027, 2, 3, 9, 0);
        var (alice, aliceWallet) = await _bank.FundedCustomer(30_000);
        var bob = await _bank.NewCustomer();
        await _bank.OpenWallet(bob);
        var walletless = await _bank.NewCustomer();
        var held = await Desk.Held();

        async Task<string> Refused(Func<Task<RedPacketView>> send) => (await Assert.ThrowsAsync<WalletRefusedException>(send)).Code;
        Assert.Equal(RefusalCodes.ValidationFailed, await Refused(() => Desk.Send(alice, aliceWallet, 100, toCustomerId: bob.Id, shares: 2)));
        Assert.Equal(RefusalCodes.ValidationFailed, await Refused(() => Desk.Send(alice, aliceWallet, 20_001, toCustomerId: bob.Id)));
        Assert.Equal(RefusalCodes.ValidationFailed, await Refused(() => Desk.Send(alice, aliceWallet, 0, toCustomerId: bob.Id)));
        Assert.Equal(RefusalCodes.InvalidText, await Refused(() => Desk.Send(alice, aliceWallet, 100, toCustomerId: bob.Id, message: new string('福', 61))));
        Assert.Equal(RefusalCodes.OwnRedPacket, await Refused(() => Desk.Send(alice, aliceWallet, 100, toCustomerId: alice.Id)));
        Assert.Equal(RefusalCodes.RecipientNotFound, await Refused(() => Desk.Send(alice, aliceWallet, 100, toCustomerId: walletless.Id)));
        Assert.Equal(RefusalCodes.RecipientNotFound, await Refused(() => Desk.Send(alice, aliceWallet, 100, toPhone: TestData.Phone())));
        Assert.Equal(RefusalCodes.InvalidPin, await Refused(() => Desk.Send(alice, aliceWallet, 100, toCustomerId: bob.Id, pin: "000000")));

        // Refused for want of money: recorded (the same key answers it again), nothing moved.
        var (poor, poorWallet) = await _bank.FundedCustomer(100);
        var broke = await Desk.Send(poor, poorWallet, 101, toCustomerId: bob.Id, key: "too-much");
        Assert.Equal((MovementStatus.Refused, RefusalCodes.InsufficientFunds, RedPacketStatus.NotSent), (broke.Packet.Status, broke.Packet.Refusal!.Code, broke.Status));
        Assert.Equal(RefusalCodes.NotFound, (await Assert.ThrowsAsync<WalletRefusedException>(() => Desk.Claim(bob, broke.Packet.MovementId))).Code);
        Assert.Null(await Desk.Packet(broke.Packet.MovementId).Expire()); // its reminder's tick finds nothing sent, and forgets it

        Assert.Equal((30_000L, 100L), (await _bank.Balance(alice, aliceWallet), await _bank.Balance(poor, poorWallet)));
        Assert.Equal(held, await Desk.Held());
        await _bank.AssertBalanced(aliceWallet, poorWallet);
        await _bank.AssertBooksBalance();
    }

    [Fact]
    public async Task A_claim_its_wallet_refused_is_answered_so_and_claimed_again_once_the_wallet_takes_it()
    {
        fixture.SetShanghaiTime(2027, 2, 3, 15, 0);
        var (alice, aliceWallet) = await _bank.FundedCustomer(50_000);
        var (bob, bobWallet) = await _bank.FundedCustomer(990_000); // tier 4 may hold ¥10,000 at most
        var carol = await _bank.NewCustomer();
        var carolWallet = await _bank.OpenWallet(carol);
        var held = await Desk.Held();
        var packet = (await Desk.Send(alice, aliceWallet, 20_000, toCustomerId: bob.Id)).Packet;

        var refused = await Desk.Claim(bob, packet.MovementId);
        Assert.Equal((MovementStatus.Refused, RefusalCodes.BalanceCapExceeded), (refused.Status, refused.Refusal!.Code));
        Assert.Equal((990_000L, held + 20_000), (await _bank.Balance(bob, bobWallet), await Desk.Held()));

        Assert.Equal(MovementStatus.Completed, (await _bank.Transfer(bob, bobWallet, carolWallet, 50_000)).Status);
        var claimed = await Desk.Claim(bob, packet.MovementId);

        Assert.Equal((MovementStatus.Completed, 20_000L, refused.MovementId), (claimed.Status, claimed.Amount, claimed.MovementId));
        Assert.Equal((30_000L, 960_000L, held), (await _bank.Balance(alice, aliceWallet), await _bank.Balance(bob, bobWallet), await Desk.Held()));
        await _bank.AssertBalanced(aliceWallet, bobWallet, carolWallet);
        await _bank.AssertBooksBalance();
    }

    [Fact]
    public async Task What_nobody_claimed_goes_back_once_after_24_hours_however_many_ticks_come_and_later_claims_are_refused()
    {
        fixture.SetShanghaiTime(2027, 2, 4, 12, 0);
        var (alice, aliceWallet) = await _bank.FundedCustomer(10_000);
        var bob = await _bank.NewCustomer();
        var bobWallet = await _bank.OpenWallet(bob);
        var held = await Desk.Held();
        var packet = (await Desk.Send(alice, aliceWallet, 2_000, toCustomerId: bob.Id, message: "生日快乐")).Packet;
        var grain = Desk.Packet(packet.MovementId);

        // A tick a second early returns nothing.
        fixture.SetShanghaiTime(2027, 2, 5, 11, 59, 59);
        Assert.Equal(RedPacketStatus.Open, (await grain.Expire())!.Status);
        Assert.Equal(8_000, await _bank.Balance(alice, aliceWallet));

        // On time, two ticks and the reminder itself at once: the rest goes back once.
        fixture.SetShanghaiTime(2027, 2, 5, 12, 0);
        var ticks = await Task.WhenAll(grain.Expire(), grain.Expire(), grain.AsReference<IRemindable>().ReceiveReminder("red-packet-expiry", default).ContinueWith(_ => (RedPacketView?)null));

        var returned = Assert.Single(ticks.Where(t => t is not null).Select(t => t!.Return).DistinctBy(r => r?.MovementId))!;
        Assert.Equal((2_000L, 1, aliceWallet), (returned.Amount, returned.SharesReturned, returned.WalletId));
        Assert.Equal(MovementIds.For(Workflow.RedPacketReturn, alice.Id, packet.MovementId), returned.MovementId);
        Assert.All(ticks.Where(t => t is not null), t => Assert.Equal(RedPacketStatus.Returned, t!.Status));
        Assert.Equal(10_000, await _bank.Balance(alice, aliceWallet));
        Assert.Equal(held, await Desk.Held());
        Assert.Single(await _bank.Entries(alice, aliceWallet), e => e.Kind == MovementKind.Refund && e.Direction == EntryDirection.In && e.Amount == 2_000
            && e.Category == Wallet.Bills.SpendingCategory.RedPackets);
        Assert.Single(await Inbox(alice), n => n.Kind == "red_packet_returned" && n.Reference == packet.MovementId);

        // Too late for Bob; another tick changes nothing.
        Assert.Equal(RefusalCodes.RedPacketExpired, (await Assert.ThrowsAsync<WalletRefusedException>(() => Desk.Claim(bob, packet.MovementId))).Code);
        Assert.Equal(returned.MovementId, (await grain.Expire())!.Return!.MovementId);
        Assert.Equal((10_000L, 0L), (await _bank.Balance(alice, aliceWallet), await _bank.Balance(bob, bobWallet)));
        await _bank.AssertBalanced(aliceWallet, bobWallet);
        await _bank.AssertBooksBalance();
    }

    [Fact]
    public async Task A_claim_in_the_last_second_is_paid_and_the_return_then_finds_nothing_left()
    {
        fixture.SetShanghaiTime(2027, 2, 6, 8, 0);
        var (alice, aliceWallet) = await _bank.FundedCustomer(10_000);
        var bob = await _bank.NewCustomer();
        var bobWallet = await _bank.OpenWallet(bob);
        var held = await Desk.Held();
        var packet = (await Desk.Send(alice, aliceWallet, 1_234, toCustomerId: bob.Id)).Packet;

        fixture.SetShanghaiTime(2027, 2, 7, 7, 59, 59);
        Assert.Equal(1_234, (await Desk.Claim(bob, packet.MovementId)).Amount);
        fixture.SetShanghaiTime(2027, 2, 7, 8, 0);
        var after = await Desk.Packet(packet.MovementId).Expire();

        Assert.Equal((RedPacketStatus.Claimed, (RedPacketReturnReceipt?)null), (after!.Status, after.Return));
        Assert.Equal((10_000L - 1_234, 1_234L, held), (await _bank.Balance(alice, aliceWallet), await _bank.Balance(bob, bobWallet), await Desk.Held()));
        await _bank.AssertBalanced(aliceWallet, bobWallet);
        await _bank.AssertBooksBalance();
    }

    [Fact]
    public async Task After_every_activation_is_gone_the_reminder_tick_returns_the_rest_once()
    {
        fixture.SetShanghaiTime(2027, 2, 8, 10, 0);
        var (alice, aliceWallet) = await _bank.FundedCustomer(10_000);
        var bob = await _bank.NewCustomer();
        var bobWallet = await _bank.OpenWallet(bob);
        var held = await Desk.Held();
        var packet = (await Desk.Send(alice, aliceWallet, 3_000, toCustomerId: bob.Id, key: "restart")).Packet;

        // As after a silo restart: the packet, its claims and its return know only what they stored.
        fixture.SetShanghaiTime(2027, 2, 9, 10, 0, 1);
        await fixture.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        await Desk.Packet(packet.MovementId).AsReference<IRemindable>().ReceiveReminder("red-packet-expiry", default);
        await fixture.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        var again = await Desk.Packet(packet.MovementId).Expire();
        var otherBody = await Assert.ThrowsAsync<WalletRefusedException>(() => Desk.Packet(alice, "restart").Send(new RedPacketOrder(alice.Id, "another request", aliceWallet,
            bob.Id, null, null, 1, RedPacketSplit.Fixed, 3_000, "CNY", "x", Wallet.Customers.PaymentAuthorisation.WithPin(TestData.Pin))));
        Assert.Equal((RedPacketStatus.Returned, 3_000L), (again!.Status, again.Return!.Amount));
        Assert.Equal(RefusalCodes.IdempotencyKeyReused, otherBody.Code); // the key names this packet: another request under it is refused
        Assert.Equal((10_000L, 0L, held), (await _bank.Balance(alice, aliceWallet), await _bank.Balance(bob, bobWallet), await Desk.Held()));
        Assert.Single(await _bank.Entries(alice, aliceWallet), e => e.Kind == MovementKind.Refund && e.Direction == EntryDirection.In);
        await _bank.AssertBalanced(aliceWallet, bobWallet);
        await _bank.AssertBooksBalance();
    }

    private async Task<IReadOnlyList<Notification>> Inbox(TestCustomer customer)
        => (await fixture.Grains.GetGrain<INotificationInboxGrain>(customer.Id).List(null, 50)).Items;
}
