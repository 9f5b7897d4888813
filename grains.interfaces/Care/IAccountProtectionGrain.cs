namespace Wallet.Care;

/// <summary>
/// A customer's protection against a stolen phone or account, keyed by the customer id: the registered backup phone,
/// the one report of loss that shuts everything at once, and the recovery that gives the customer their account back.
/// Kept apart from signing in (<see cref="Customers.ICustomerAccessGrain"/>, read on every request): a report is rare
/// and touches every other part of the customer, which this grain asks in turn.
/// </summary>
[Alias("Wallet.IAccountProtectionGrain")]
public interface IAccountProtectionGrain : IGrainWithStringKey
{
    /// <summary>Texts a code to a phone the customer wants as their backup; it is registered once they give the code back.</summary>
    [Alias("SendBackupPhoneCode")]
    Task SendBackupPhoneCode(string phone);

    /// <summary>
    /// Registers the backup phone the code was texted to (replacing any earlier one), with the login password: a stolen session
    /// alone cannot put the thief's phone where recovery codes go. The customer's inbox is told.
    /// </summary>
    [Alias("ConfirmBackupPhone")]
    Task<ProtectionView> ConfirmBackupPhone(string phone, string code, string password);

    /// <summary>
    /// Texts a code for <paramref name="purpose"/> to the customer's phone or their backup; nothing (and no error) when there
    /// is no backup, so a stranger learns nothing from the answer.
    /// </summary>
    [Alias("SendCode")]
    Task SendCode(ProtectionPurpose purpose, CodeDestination to);

    /// <summary>
    /// The one report of a lost or stolen phone or account, proven as <paramref name="proof"/> says: every wallet frozen, every
    /// session ended and signing in stopped, every device key removed, payment codes and charges waiting for confirmation
    /// voided, autopay paused. Reporting again while reported answers the same report (and finishes what a crash left).
    /// </summary>
    [Alias("ReportLost")]
    Task<LostReport> ReportLost(ReportProof proof);

    /// <summary>
    /// Gives a reported customer their account back after the identity check (the texted code and, for a verified customer, the
    /// identity number; otherwise an operator's check first): a new password and PIN, the wallets the report froze unfrozen.
    /// Sessions, devices and autopay stay as the report left them: the customer signs in and adds them anew.
    /// </summary>
    [Alias("Recover")]
    Task<LostReport> Recover(RecoveryRequest request);

    /// <summary>
    /// An operator has checked the customer's identity by other means (a call, a branch) and where the customer now receives texts
    /// (<paramref name="codeTo"/>: a new SIM for the number seen, or the backup): within a day, a recovery code sent there needs no
    /// identity number. A code sent elsewhere (to a thief still holding the old SIM, say) is checked as without the approval.
    /// </summary>
    [Alias("ApproveRecovery")]
    Task<ProtectionView> ApproveRecovery(string operatorId, string note, CodeDestination codeTo);

    [Alias("GetView"), AlwaysInterleave]
    Task<ProtectionView> GetView();
}

/// <summary>What a texted code of the account's protection is for.</summary>
public enum ProtectionPurpose
{
    ReportLost = 0,
    Recovery = 1,
}

/// <summary>Where a code goes: the customer's own phone (a new SIM for the same number), or the backup phone they registered.</summary>
public enum CodeDestination
{
    Phone = 0,
    Backup = 1,
}

/// <summary>How a report of loss was proven.</summary>
public enum ReportPath
{
    /// <summary>From a signed-in session (another device), with the login password.</summary>
    SignedIn = 0,

    /// <summary>Not signed in, with the phone number and the login password.</summary>
    Password = 1,

    /// <summary>With a code texted to the customer's own phone number.</summary>
    PhoneCode = 2,

    /// <summary>The phone is gone: a code texted to the registered backup phone, and the identity number.</summary>
    BackupCode = 3,

    /// <summary>An operator checked who was calling.</summary>
    Operator = 4,
}

/// <summary>The proof a report of loss comes with: the password, or a texted code (with the identity number when it went to the backup), or an operator's word.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.Care.ReportProof")]
public sealed record ReportProof(
    [property: Id(0)] ReportPath Path,
    [property: Id(1)] string? Password = null,
    [property: Id(2)] string? Code = null,
    [property: Id(3)] string? IdNumber = null,
    [property: Id(4)] string? OperatorId = null,
    [property: Id(5)] string? Note = null)
{
    public override string ToString() => $"ReportProof {{ Path = {Path}, OperatorId = {OperatorId} }}";
}

/// <summary>What recovery needs: the texted code (to the phone or the backup), the identity number of a verified customer, a new password and PIN.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.Care.RecoveryRequest")]
public sealed record RecoveryRequest(
    [property: Id(0)] string Code,
    [property: Id(1)] string? IdNumber,
    [property: Id(2)] string NewPassword,
    [property: Id(3)] string NewPin)
{
    public override string ToString() => "RecoveryRequest { }";
}

/// <summary>
/// A report of loss and what it did: who proved it how and when, what it shut (each counted once, when done), and, once
/// recovered, when and which wallets it unfroze.
/// </summary>
[GenerateSerializer, Immutable, Alias("Wallet.Care.LostReport")]
public sealed record LostReport(
    [property: Id(0)] string ReportId,
    [property: Id(1)] ReportPath Path,
    [property: Id(2)] DateTimeOffset ReportedAt,
    [property: Id(3)] IReadOnlyList<string> WalletsFrozen,
    [property: Id(4)] int SessionsEnded,
    [property: Id(5)] int DevicesRemoved,
    [property: Id(6)] int PaymentCodesVoided,
    [property: Id(7)] int ConfirmationsVoided,
    [property: Id(8)] int MandatesPaused,
    [property: Id(9)] DateTimeOffset? CompletedAt,
    [property: Id(10)] DateTimeOffset? RecoveredAt = null,
    [property: Id(11)] IReadOnlyList<string>? WalletsUnfrozen = null,
    [property: Id(12)] string? OperatorId = null);

/// <summary>Where the customer's protection stands: the backup phone (masked), the open report if any, the last recovered one.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.Care.ProtectionView")]
public sealed record ProtectionView(
    [property: Id(0)] string? BackupPhoneMasked,
    [property: Id(1)] LostReport? OpenReport,
    [property: Id(2)] LostReport? LastRecovered,
    [property: Id(3)] DateTimeOffset? RecoveryApprovedUntil);

/// <summary>What the customer is told to do after a report and after recovery, in the inbox, the API's answers and the app alike.</summary>
public static class LossReports
{
    public const string HowToRecover =
        "Your wallets are frozen, every session is signed out and your devices are removed. To get your account back: ask for a code "
        + "(POST /v1/recovery/codes, to your phone or your backup phone), then recover with the code, your identity number, a new login "
        + "password and a new payment PIN (POST /v1/recovery). Then sign in, register your device again and turn autopay back on. "
        + "If money left your account without you, claim it from the payment in your history.";

    public const string AfterRecovery =
        "You have a new login password and payment PIN, and the wallets the report froze are unfrozen. Sign in, register your device again "
        + "and turn autopay back on where you want it. If this was not you, call the bank at once.";
}
