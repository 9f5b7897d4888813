using Wallet.Events;
using Wallet.Identity;

namespace Wallet.Customers;

/// <summary>
/// The customer's own events (sign-ins, wrong PINs, device changes). Each is put in the customer's
/// state with the change it reports and written with it (the outbox), published after the write and
/// then dropped; what a crash or a failed publish left is published again after the next write or on
/// the next activation. Consumers de-duplicate by event id.
/// </summary>
public sealed partial class CustomerGrain
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Events of customer {CustomerId} were not published; they are published again after the next change")]
    private static partial void LogPublishFailed(ILogger logger, string customerId, Exception exception);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (customer.RecordExists && customer.State.Outbox.Count is > 0 and var left)
        {
            await PublishRecorded();
            if (customer.State.Outbox.Count < left)
            {
                await customer.WriteStateAsync(); // so the next activation does not publish them again
            }
        }
    }

    /// <summary>Puts an event in the outbox; it is written with the state change that follows.</summary>
    private void Record(Func<string, string, DateTimeOffset, WalletEvent> create)
        => customer.State.Outbox.Add(create(Ids.New("evt"), this.GetPrimaryKeyString(), clock.GetUtcNow()));

    /// <summary>Writes the state (the change and its events together), then publishes the events.</summary>
    private async Task SaveAndPublish()
    {
        await customer.WriteStateAsync();
        await PublishRecorded();
    }

    private async Task PublishRecorded()
    {
        try
        {
            await Outboxes.PublishAll(customer.State.Outbox, publisher);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            LogPublishFailed(logger, this.GetPrimaryKeyString(), exception);
        }
    }
}
