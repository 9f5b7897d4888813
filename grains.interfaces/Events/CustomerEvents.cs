namespace Wallet.Events;

/// <summary>The customer signed in with the right password, from <see cref="Location"/> when the app said where.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.Events.LoginSucceeded.v1")]
public sealed record LoginSucceeded(string EventId, string CustomerId, DateTimeOffset OccurredAt, [property: Id(0)] GeoPoint? Location = null)
    : WalletEvent(EventId, CustomerId, OccurredAt);

/// <summary>A wrong password; <see cref="Locked"/> when it locked signing in.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.Events.LoginFailed.v1")]
public sealed record LoginFailed(string EventId, string CustomerId, DateTimeOffset OccurredAt, [property: Id(0)] bool Locked, [property: Id(1)] GeoPoint? Location = null)
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

/// <summary>A bank card was bound to the customer (pending the bank's SMS check).</summary>
[GenerateSerializer, Immutable, Alias("Wallet.Events.CardBound.v1")]
public sealed record CardBound(string EventId, string CustomerId, DateTimeOffset OccurredAt, [property: Id(0)] string CardId, [property: Id(1)] string Masked)
    : WalletEvent(EventId, CustomerId, OccurredAt);

/// <summary>A bank card was unbound.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.Events.CardUnbound.v1")]
public sealed record CardUnbound(string EventId, string CustomerId, DateTimeOffset OccurredAt, [property: Id(0)] string CardId)
    : WalletEvent(EventId, CustomerId, OccurredAt);

/// <summary>One of the customer's wallets was frozen (by its owner, or by the bank).</summary>
[GenerateSerializer, Immutable, Alias("Wallet.Events.WalletFrozen.v1")]
public sealed record WalletFrozen(string EventId, string CustomerId, DateTimeOffset OccurredAt, [property: Id(0)] string WalletId)
    : WalletEvent(EventId, CustomerId, OccurredAt);

/// <summary>One of the customer's wallets was unfrozen.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.Events.WalletUnfrozen.v1")]
public sealed record WalletUnfrozen(string EventId, string CustomerId, DateTimeOffset OccurredAt, [property: Id(0)] string WalletId)
    : WalletEvent(EventId, CustomerId, OccurredAt);

/// <summary>Any other change of a wallet's status (held receive-only by the bank, closed); an operator's change says who and why.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.Events.WalletStatusChanged.v1")]
public sealed record WalletStatusChanged(string EventId, string CustomerId, DateTimeOffset OccurredAt,
    [property: Id(0)] string WalletId, [property: Id(1)] Wallets.WalletStatus From, [property: Id(2)] Wallets.WalletStatus To,
    [property: Id(3)] Wallets.StatusNote? Note = null)
    : WalletEvent(EventId, CustomerId, OccurredAt);
