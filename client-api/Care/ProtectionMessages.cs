using Wallet.Care;
using Wallet.ClientApi.Contract;

namespace Wallet.ClientApi.Care;

/// <summary>Asking for a code to report the account lost or to recover it, texted to the customer's phone or their backup phone.</summary>
/// <param name="Phone">The phone number the customer registered with (it names the account; the code may go elsewhere).</param>
/// <param name="SendTo"><c>phone</c> (the number itself: a new SIM for it) or <c>backup</c> (the backup phone the customer registered). Left out: <c>phone</c>.</param>
public sealed record ProtectionCodeRequest([property: RequiredField] string? Phone, string? SendTo);

/// <summary>
/// Reporting the phone or account lost or stolen without being signed in: the account's phone number and one proof, either the
/// login password, or a texted code (to the phone; or to the backup phone, with the identity number).
/// </summary>
/// <param name="Phone">The phone number the customer registered with.</param>
/// <param name="Password">The login password; give it, or a code.</param>
/// <param name="Code">The six digits texted by <c>POST /v1/lost-reports/codes</c>; give it, or the password.</param>
/// <param name="CodeSentTo">Where the code went: <c>phone</c> (left out) or <c>backup</c>, which also needs the identity number.</param>
/// <param name="IdNumber">The customer's resident identity number; needed with a code sent to the backup phone (when the customer has verified their real name).</param>
public sealed record LostReportRequest([property: RequiredField] string? Phone, string? Password, string? Code, string? CodeSentTo, string? IdNumber);

/// <summary>Reporting from a signed-in session (another device): the login password confirms it is the customer.</summary>
/// <param name="Password">The login password.</param>
public sealed record SignedInLostReportRequest([property: RequiredField] string? Password);

/// <summary>Recovering a reported account: the texted code, the identity check, a new login password and a new payment PIN.</summary>
/// <param name="Phone">The phone number the customer registered with.</param>
/// <param name="Code">The six digits texted by <c>POST /v1/recovery/codes</c>.</param>
/// <param name="IdNumber">The customer's resident identity number; needed when the customer has verified their real name (unless an operator checked them).</param>
/// <param name="NewPassword">The new login password, 8 to 128 characters.</param>
/// <param name="NewPin">The new payment PIN, six digits.</param>
public sealed record RecoveryRequestBody([property: RequiredField] string? Phone, [property: RequiredField] string? Code, string? IdNumber,
    [property: RequiredField] string? NewPassword, [property: RequiredField] string? NewPin);

/// <summary>A phone to register as the account's backup: a code is texted to it.</summary>
/// <param name="Phone">A mobile number other than the one the customer signs in with.</param>
public sealed record BackupPhoneCodeRequest([property: RequiredField] string? Phone);

/// <summary>Registering the backup phone with the code texted to it and the login password (a session alone is not enough).</summary>
/// <param name="Phone">The same number the code was texted to.</param>
/// <param name="Code">The six digits texted to it.</param>
/// <param name="Password">The login password.</param>
public sealed record BackupPhoneRequest([property: RequiredField] string? Phone, [property: RequiredField] string? Code, [property: RequiredField] string? Password);

/// <summary>An operator's report or identity check: what they checked and how.</summary>
/// <param name="Note">What the operator checked (a call back to the registered number, a branch visit), 1 to 500 characters.</param>
public sealed record OperatorCheckRequest([property: RequiredField] string? Note);

/// <summary>An operator's identity check before a recovery: what they checked, and where the customer receives texts now.</summary>
/// <param name="Note">What the operator checked (a branch visit with the identity card, a call back), 1 to 500 characters.</param>
/// <param name="CodeTo"><c>phone</c> (the operator saw the customer hold a new SIM for their number) or <c>backup</c>: only a recovery code sent there needs no identity number.</param>
public sealed record RecoveryApprovalRequest([property: RequiredField] string? Note, [property: RequiredField] string? CodeTo);

/// <summary>A report of loss and what it did: every count is of what it shut at the time.</summary>
/// <param name="ReportId">The report (<c>lr_…</c>).</param>
/// <param name="ReportedBy">How it was proven: <c>signed_in</c>, <c>password</c>, <c>phone_code</c>, <c>backup_code</c> or <c>operator</c>.</param>
/// <param name="ReportedAt">When, UTC, ISO 8601.</param>
/// <param name="Completed">Whether every step is done (a report cut short by a failure is finished by reporting again).</param>
/// <param name="WalletsFrozen">The wallets it froze (those active then).</param>
/// <param name="SessionsEnded">Sessions signed out; their tokens are refused from the report on.</param>
/// <param name="DevicesRemoved">Device keys removed.</param>
/// <param name="PaymentCodesVoided">Payment codes that could still be charged, now void.</param>
/// <param name="ConfirmationsVoided">Merchants' charges that waited for the customer's confirmation, now refused (<c>payment_voided</c>).</param>
/// <param name="AutopayPaused">Bill autopay mandates paused and loans' autopay turned off.</param>
/// <param name="RecoveredAt">When the customer recovered the account, UTC, ISO 8601; null while reported.</param>
/// <param name="WalletsUnfrozen">The wallets recovery unfroze; empty while reported.</param>
/// <param name="NextSteps">What the customer does now, in words.</param>
public sealed record LostReportResponse(string ReportId, string ReportedBy, DateTimeOffset ReportedAt, bool Completed, IReadOnlyList<string> WalletsFrozen,
    int SessionsEnded, int DevicesRemoved, int PaymentCodesVoided, int ConfirmationsVoided, int AutopayPaused, DateTimeOffset? RecoveredAt,
    IReadOnlyList<string> WalletsUnfrozen, string NextSteps)
{
    public static LostReportResponse From(LostReport r) => new(r.ReportId, PathName(r.Path), r.ReportedAt, r.CompletedAt is not null, r.WalletsFrozen,
        r.SessionsEnded, r.DevicesRemoved, r.PaymentCodesVoided, r.ConfirmationsVoided, r.MandatesPaused, r.RecoveredAt, r.WalletsUnfrozen ?? [],
        r.RecoveredAt is null ? LossReports.HowToRecover : LossReports.AfterRecovery);

    private static string PathName(ReportPath path) => path switch
    {
        ReportPath.SignedIn => "signed_in",
        ReportPath.Password => "password",
        ReportPath.PhoneCode => "phone_code",
        ReportPath.BackupCode => "backup_code",
        ReportPath.Operator => "operator",
    };
}

/// <summary>Where the account's protection stands.</summary>
/// <param name="Status"><c>normal</c>, or <c>reported_lost</c> until recovered.</param>
/// <param name="BackupPhone">The registered backup phone, masked; null when none.</param>
/// <param name="OpenReport">The report not yet recovered from; null when none.</param>
/// <param name="LastRecovered">The last report recovered from; null when none.</param>
/// <param name="RecoveryApprovedUntil">Until when an operator's identity check stands in for the identity number at recovery, UTC; null when none.</param>
public sealed record ProtectionResponse(string Status, string? BackupPhone, LostReportResponse? OpenReport, LostReportResponse? LastRecovered, DateTimeOffset? RecoveryApprovedUntil)
{
    public static ProtectionResponse From(ProtectionView v) => new(v.OpenReport is null ? "normal" : "reported_lost", v.BackupPhoneMasked,
        v.OpenReport is { } open ? LostReportResponse.From(open) : null, v.LastRecovered is { } last ? LostReportResponse.From(last) : null, v.RecoveryApprovedUntil);
}
