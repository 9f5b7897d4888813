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

/// <summary>A text the simulated SMS gateway sent.</summary>
/// <param name="Phone">The mobile number it went to, E.164 (<c>+8613800138000</c>).</param>
/// <param name="Text">The message, codes included.</param>
/// <param name="SentAt">When it was sent, UTC, ISO 8601.</param>
[GenerateSerializer, Immutable, Alias("Wallet.SmsMessage")]
public sealed record SmsMessage([property: Id(0)] string Phone, [property: Id(1)] string Text, [property: Id(2)] DateTimeOffset SentAt);
