using Wallet.Events;

namespace Wallet.Care;

/// <summary>
/// The customer's phone or account was reported lost or stolen (<see cref="Path"/> says how it was proven) and everything was
/// shut: the wallets frozen, sessions ended, device keys removed, codes and confirmations voided, autopay paused. Published
/// once the report has done all of it; each wallet's freeze and each device's removal is its own event besides.
/// </summary>
[GenerateSerializer, Immutable, Alias("Wallet.Events.AccountReportedLost.v1")]
public sealed record AccountReportedLost(string EventId, string CustomerId, DateTimeOffset OccurredAt,
    [property: Id(0)] string ReportId, [property: Id(1)] ReportPath Path, [property: Id(2)] int WalletsFrozen, [property: Id(3)] int SessionsEnded,
    [property: Id(4)] int DevicesRemoved, [property: Id(5)] int PaymentCodesVoided, [property: Id(6)] int ConfirmationsVoided, [property: Id(7)] int MandatesPaused)
    : WalletEvent(EventId, CustomerId, OccurredAt);

/// <summary>A reported customer passed the identity check and set a new password and PIN; the wallets the report froze are unfrozen.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.Events.AccountRecovered.v1")]
public sealed record AccountRecovered(string EventId, string CustomerId, DateTimeOffset OccurredAt,
    [property: Id(0)] string ReportId, [property: Id(1)] int WalletsUnfrozen, [property: Id(2)] bool OperatorChecked)
    : WalletEvent(EventId, CustomerId, OccurredAt);
