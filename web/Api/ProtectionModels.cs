namespace Wallet.Web.Api;

// A lost or stolen phone: the report, recovery, the backup phone (as the API's OpenAPI document names them).

public sealed record ProtectionCodeRequest(string Phone, string SendTo);

public sealed record LostReportRequest(string Phone, string? Password, string? Code, string? CodeSentTo, string? IdNumber);

public sealed record SignedInLostReportRequest(string Password);

public sealed record RecoveryRequest(string Phone, string Code, string? IdNumber, string NewPassword, string NewPin);

public sealed record BackupPhoneCodeRequest(string Phone);

public sealed record BackupPhoneRequest(string Phone, string Code, string Password);

public sealed record OperatorCheckRequest(string Note);

public sealed record RecoveryApprovalRequest(string Note, string CodeTo);

public sealed record LostReport(string ReportId, string ReportedBy, DateTimeOffset ReportedAt, bool Completed, IReadOnlyList<string> WalletsFrozen,
    int SessionsEnded, int DevicesRemoved, int PaymentCodesVoided, int ConfirmationsVoided, int AutopayPaused, DateTimeOffset? RecoveredAt,
    IReadOnlyList<string> WalletsUnfrozen, string NextSteps);

public sealed record Protection(string Status, string? BackupPhone, LostReport? OpenReport, LostReport? LastRecovered, DateTimeOffset? RecoveryApprovedUntil);
