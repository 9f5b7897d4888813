namespace Wallet.Events;

/// <summary>The customer signed in with the right password.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.Events.LoginSucceeded.v1")]
public sealed record LoginSucceeded(string EventId, string CustomerId, DateTimeOffset OccurredAt)
    : WalletEvent(EventId, CustomerId, OccurredAt);

/// <summary>A wrong password; <see cref="Locked"/> when it locked signing in.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.Events.LoginFailed.v1")]
public sealed record LoginFailed(string EventId, string CustomerId, DateTimeOffset OccurredAt, [property: Id(0)] bool Locked)
    : WalletEvent(EventId, CustomerId, OccurredAt);

/// <summary>A wrong payment PIN; <see cref="Locked"/> when it locked payments.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.Events.PinFailed.v1")]
public sealed record PinFailed(string EventId, string CustomerId, DateTimeOffset OccurredAt, [property: Id(0)] bool Locked)
    : WalletEvent(EventId, CustomerId, OccurredAt);

/// <summary>A device key was registered for biometric payment.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.Events.DeviceRegistered.v1")]
public sealed record DeviceRegistered(string EventId, string CustomerId, DateTimeOffset OccurredAt, [property: Id(0)] string DeviceId)
    : WalletEvent(EventId, CustomerId, OccurredAt);

/// <summary>A device key was removed.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.Events.DeviceRemoved.v1")]
public sealed record DeviceRemoved(string EventId, string CustomerId, DateTimeOffset OccurredAt, [property: Id(0)] string DeviceId)
    : WalletEvent(EventId, CustomerId, OccurredAt);
