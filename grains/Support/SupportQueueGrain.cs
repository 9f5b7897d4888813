using Wallet.Hosting;
using Wallet.Storage;

namespace Wallet.Support;

/// <summary>
/// The operators' waiting list: one entry per waiting conversation, so it holds as many as there are customers
/// waiting, not messages. Reentrant, with its writes coalesced: customers writing together cost one write.
/// </summary>
[Reentrant]
public sealed class SupportQueueGrain : Grain, ISupportQueueGrain
{
    private readonly IPersistentState<SupportQueueState> _queue;
    private readonly CoalescedWrites _writes;

    public SupportQueueGrain([PersistentState("support-queue", StorageNames.Wallet)] IPersistentState<SupportQueueState> queue)
    {
        _queue = queue;
        _writes = new CoalescedWrites(() => _queue.WriteStateAsync());
    }

    public async Task Waiting(SupportWaiting entry)
    {
        if (_queue.State.Waiting.GetValueOrDefault(entry.CustomerId) == entry)
        {
            return;
        }
        _queue.State.Waiting[entry.CustomerId] = entry;
        await _writes.Save();
    }

    public async Task Answered(string customerId)
    {
        if (_queue.State.Waiting.Remove(customerId))
        {
            await _writes.Save();
        }
    }

    public Task<IReadOnlyList<SupportWaiting>> List(string? cursor, int limit)
        => Task.FromResult<IReadOnlyList<SupportWaiting>>([.. _queue.State.Waiting.Values.Where(w => w.IsAfter(cursor)).Order(SupportWaiting.Order).Take(limit)]);
}

[GenerateSerializer, Alias("Wallet.SupportQueueState")]
public sealed class SupportQueueState
{
    [Id(0)] public Dictionary<string, SupportWaiting> Waiting { get; set; } = [];
}
