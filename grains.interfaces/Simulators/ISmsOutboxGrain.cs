namespace Wallet.Simulators;

/// <summary>The simulated SMS gateway's record of what it sent to one phone (embedded mode and tests only).</summary>
[Alias("Wallet.ISmsOutboxGrain")]
public interface ISmsOutboxGrain : IGrainWithStringKey
{
    [Alias("Deliver")]
    Task Deliver(SmsMessage message);

    [Alias("List")]
    Task<IReadOnlyList<SmsMessage>> List();
}

[GenerateSerializer, Immutable, Alias("Wallet.SmsMessage")]
public sealed record SmsMessage([property: Id(0)] string Phone, [property: Id(1)] string Text, [property: Id(2)] DateTimeOffset SentAt);
