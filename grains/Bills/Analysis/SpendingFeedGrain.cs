using Orleans.Streams;
using Wallet.Events;
using Wallet.Hosting;
using Wallet.Limits;

namespace Wallet.Bills.Analysis;

/// <summary>
/// Activated by the first event on its customer's stream in memory (an implicit subscription, beside the risk
/// monitor's), or called by the event log's readers on PostgreSQL. It keeps nothing: each money movement goes to the
/// month (Asia/Shanghai calendar) it happened in, and returns only once every month has stored it, so a failure has
/// the batch delivered again and the months, counting by event id, take each once.
/// </summary>
[ImplicitStreamSubscription(WalletEvent.StreamNamespace)]
public sealed class SpendingFeedGrain(LimitSchedule calendar) : Grain, ISpendingFeedGrain, IAsyncObserver<WalletEvent>
{
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (ServiceProvider.GetKeyedService<IStreamProvider>(StorageNames.Events) is { } streams)
        {
            await streams.GetStream<WalletEvent>(StreamId.Create(WalletEvent.StreamNamespace, this.GetPrimaryKeyString())).SubscribeAsync(this);
        }
    }

    // Only what may count goes on to the months (a payment or transfer out, a refund in): half of a transfer's two
    // events is the payee's, which never counts, and each call spared is one less on every movement's path.
    public Task Observe(IReadOnlyList<WalletEvent> events)
        => Task.WhenAll(events.Where(SpendingRules.MayCount).Cast<MoneyMoved>()
            .GroupBy(moved => SpendingMonth.Of(calendar.DayOf(moved.OccurredAt)))
            .Select(inMonth => GrainFactory.GetGrain<ISpendingMonthGrain>(inMonth.Key.KeyFor(this.GetPrimaryKeyString())).Observe([.. inMonth])));

    public Task OnNextAsync(WalletEvent item, StreamSequenceToken? token = null) => Observe([item]);

    public Task OnCompletedAsync() => Task.CompletedTask;

    public Task OnErrorAsync(Exception ex) => Task.CompletedTask;
}
