using Wallet.Events;
using Wallet.Movements;
using Wallet.Risk;
using Wallet.Tests.Infrastructure;
using Wallet.Wallets;

namespace Wallet.Tests.Events;

/// <summary>
/// Committed movements reach the customers' risk monitors as events, once each: published after the
/// commit, published again by the publication log when publishing failed, never for a refused movement.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class MovementEventsTests(ClusterFixture fixture)
{
    private readonly Scenario _bank = fixture.Scenario;

    [Fact]
    public async Task A_transfer_reaches_the_payer_as_money_out_and_the_payee_as_money_in_once_each()
    {
        var (alice, from) = await _bank.FundedCustomer(5_000);
        var (bob, to) = await _bank.FundedCustomer(100);

        var sent = await _bank.Transfer(alice, from, to, 1_200);

        var paid = await Moved(alice.Id, sent.MovementId);
        var received = await Moved(bob.Id, sent.MovementId);
        Assert.Equal((EntryDirection.Out, 1_200L, bob.Id, from), (paid.Direction, paid.Amount, paid.CounterpartyId, paid.WalletId));
        Assert.Equal((EntryDirection.In, 1_200L, alice.Id, to), (received.Direction, received.Amount, received.CounterpartyId, received.WalletId));
        Assert.Equal(MovementKind.Transfer, paid.Kind);
        Assert.DoesNotContain(sent.MovementId, await Outbox(sent.MovementId).Pending());
    }

    [Fact]
    public async Task An_event_whose_publishing_failed_is_published_by_the_log_and_counted_once()
    {
        var (alice, from) = await _bank.FundedCustomer(5_000);
        var (bob, to) = await _bank.FundedCustomer(100);
        await Moved(bob.Id, null); // bob's monitor has seen the top-up: it exists and is counting
        var before = (await Monitor(bob.Id).GetSnapshot()).EventsCounted;
        PublishFaults.Fail(bob.Id, 1);

        var sent = await _bank.Transfer(alice, from, to, 700);

        Assert.Equal(MovementStatus.Completed, sent.Status); // publishing is after the commit: its failure changes nothing
        Assert.Contains(sent.MovementId, await Outbox(sent.MovementId).Pending());
        await Outbox(sent.MovementId).AsReference<IRemindable>().ReceiveReminder("republish", default);
        var received = await Moved(bob.Id, sent.MovementId);
        Assert.True(await fixture.Grains.GetGrain<ITransferGrain>(sent.MovementId).Republish()); // the same event once more
        var marker = await _bank.Transfer(alice, from, to, 1); // delivered after the repeat: a stream keeps order
        await Moved(bob.Id, marker.MovementId);

        Assert.Equal(700, received.Amount);
        var snapshot = await Monitor(bob.Id).GetSnapshot();
        Assert.Equal(before + 2, snapshot.EventsCounted);
        Assert.Single(snapshot.RecentMovements, m => m.MovementId == sent.MovementId);
        Assert.DoesNotContain(sent.MovementId, await Outbox(sent.MovementId).Pending());
    }

    [Fact]
    public async Task A_refused_movement_publishes_nothing()
    {
        var (alice, from) = await _bank.FundedCustomer(1_000);
        var (_, to) = await _bank.FundedCustomer(100);

        var refused = await _bank.Transfer(alice, from, to, 5_000);
        var later = await _bank.Transfer(alice, from, to, 100);

        Assert.Equal(MovementStatus.Refused, refused.Status);
        await Moved(alice.Id, later.MovementId); // a stream delivers in order: the refused one would have come first
        Assert.DoesNotContain((await Monitor(alice.Id).GetSnapshot()).RecentMovements, m => m.MovementId == refused.MovementId);
        Assert.DoesNotContain(refused.MovementId, await Outbox(refused.MovementId).Pending());
    }

    private IRiskMonitorGrain Monitor(string customerId) => fixture.Grains.GetGrain<IRiskMonitorGrain>(customerId);

    private IEventOutboxGrain Outbox(string movementId) => fixture.Grains.GetGrain<IEventOutboxGrain>(EventOutbox.ShardOf(movementId));

    /// <summary>The customer's event for the movement (any movement when null), once the monitor has it.</summary>
    private async Task<MoneyMoved> Moved(string customerId, string? movementId)
    {
        var snapshot = await Eventually.Value(() => Monitor(customerId).GetSnapshot(),
            s => s.RecentMovements.Any(m => movementId is null || m.MovementId == movementId), $"{customerId}'s monitor receiving {movementId ?? "an event"}");
        return snapshot.RecentMovements.Last(m => movementId is null || m.MovementId == movementId);
    }
}
