namespace Wallet.Events;

/// <summary>
/// A grain's outbox of events kept in its own state: written with the change they report, published
/// after the write. Used by the customer and the wallet grains.
/// </summary>
public static class Outboxes
{
    /// <summary>
    /// Publishes the outbox's events in order, dropping each once published (in memory: the drop is
    /// stored with the grain's next write, and until then a restart publishes it again, which
    /// consumers recognise by its id). Stops at the first failure and throws it.
    /// </summary>
    public static async Task PublishAll(List<WalletEvent> outbox, IWalletEventPublisher publisher)
    {
        while (outbox.Count > 0)
        {
            await publisher.Publish(outbox[0]);
            outbox.RemoveAt(0);
        }
    }
}
