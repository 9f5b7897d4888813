namespace Wallet.Customers;

/// <summary>The payment PIN and the device keys: what a payment's authorisation is checked against.</summary>
[GenerateSerializer, Alias("Wallet.PaymentCredentialsState")]
public sealed class PaymentCredentialsState : IHoldsCustomerEvents
{
    [Id(0)] public string? PinHash { get; set; }

    /// <summary>Wrong PINs since the last right one; at the configured count payments lock until <see cref="PinLockedUntil"/>.</summary>
    [Id(1)] public int PinFailures { get; set; }
    [Id(2)] public DateTimeOffset? PinLockedUntil { get; set; }

    /// <summary>Registered device keys by device id, for biometric payment.</summary>
    [Id(3)] public Dictionary<string, DeviceKey> Devices { get; set; } = [];

    /// <summary>The latest payment requests refused by their PIN or device signature, each with its answer: a replay gets it again.</summary>
    [Id(4)] public List<RefusedAuthorisation> RefusedAuthorisations { get; set; } = [];

    /// <summary>Events written with the change they report and not yet published (see <see cref="CustomerOutbox{TState}"/>).</summary>
    [Id(5)] public List<Events.WalletEvent> Outbox { get; set; } = [];

    [Id(6)] public DateTimeOffset? ClosedAt { get; set; }
}

/// <summary>A device's public key (SPKI, base64) and when it was registered.</summary>
[GenerateSerializer, Alias("Wallet.DeviceKey")]
public sealed class DeviceKey
{
    [Id(0)] public string PublicKey { get; set; } = "";
    [Id(1)] public DateTimeOffset RegisteredAt { get; set; }
}
