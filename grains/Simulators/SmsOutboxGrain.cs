using Wallet.Hosting;

namespace Wallet.Simulators;

public sealed class SmsOutboxGrain(
    [PersistentState("sms-outbox", StorageNames.Wallet)] IPersistentState<SmsOutboxState> outbox)
    : Grain, ISmsOutboxGrain
{
    /// <summary>A phone keeps its last 50 texts, as a handset's inbox would.</summary>
    private const int Kept = 50;

    public async Task Deliver(SmsMessage message)
    {
        outbox.State.Messages.Add(message);
        if (outbox.State.Messages.Count > Kept)
        {
            outbox.State.Messages.RemoveAt(0);
        }
        await outbox.WriteStateAsync();
    }

    public Task<IReadOnlyList<SmsMessage>> List() => Task.FromResult<IReadOnlyList<SmsMessage>>([.. outbox.State.Messages]);
}

[GenerateSerializer, Alias("Wallet.SmsOutboxState")]
public sealed class SmsOutboxState
{
    [Id(0)]
    public List<SmsMessage> Messages { get; set; } = [];
}
