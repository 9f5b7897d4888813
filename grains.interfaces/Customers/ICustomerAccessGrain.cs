namespace Wallet.Customers;

/// <summary>
/// How a customer gets in, keyed by the customer id: the login password, signed-in sessions and the one
/// code texted to their phone. Every authenticated request asks it whether its session is live, so it
/// holds nothing else and its state stays small.
/// </summary>
[Alias("Wallet.ICustomerAccessGrain")]
public interface ICustomerAccessGrain : IGrainWithStringKey
{
    /// <summary>The password (hashed here) and the phone and role the sessions and texts need; once.</summary>
    [Alias("Enrol")]
    Task Enrol(CustomerEnrolment enrolment);

    /// <summary>Checks the login password; too many wrong in a row lock signing in for a while.</summary>
    [Alias("SignIn")]
    Task<SignInOutcome> SignIn(string password, Events.GeoPoint? location);

    /// <summary>Whether a session is still signed in: every request's access token names one.</summary>
    [Alias("IsSessionLive"), AlwaysInterleave]
    Task<bool> IsSessionLive(string sessionId);

    /// <summary>
    /// Rotates a session's refresh token: the new one, or null when the token is not the session's
    /// current one. A token already rotated away ends the session (someone holds a copy).
    /// </summary>
    [Alias("Refresh")]
    Task<SignedIn?> Refresh(string sessionId, string secret);

    /// <summary>Logout: the session's refresh token and its access tokens stop working.</summary>
    [Alias("EndSession")]
    Task EndSession(string sessionId);

    /// <summary>A new login password, proven by the current one; every session ends.</summary>
    [Alias("ChangePassword")]
    Task ChangePassword(string currentPassword, string newPassword);

    /// <summary>Texts the customer's phone a code for <paramref name="purpose"/>; it replaces any code still outstanding.</summary>
    [Alias("SendCode")]
    Task SendCode(CodePurpose purpose);

    /// <summary>A new login password, with the texted code and (once verified) the identity number; lifts a login lock.</summary>
    [Alias("ResetPassword")]
    Task ResetPassword(string code, string? idNumber, string newPassword);

    /// <summary>
    /// Spends the outstanding code: it must be right and for <paramref name="purpose"/>, and for a reset (password
    /// or PIN) of a verified customer the identity number must match too. A wrong try counts against the code.
    /// </summary>
    [Alias("SpendCode")]
    Task SpendCode(CodePurpose purpose, string code, string? idNumber);

    /// <summary>The sessions signed in now, for the customer's export.</summary>
    [Alias("ListSessions")]
    Task<IReadOnlyList<SessionSummary>> ListSessions();

    /// <summary>
    /// The account is reported lost or stolen: every session ends and nobody signs in (or resets the password) until recovery.
    /// With <paramref name="password"/>, it must be the login password (a wrong one counts as a wrong sign-in). Answers how
    /// many sessions ended (none when already reported).
    /// </summary>
    [Alias("ShutForLoss")]
    Task<int> ShutForLoss(string? password);

    /// <summary>Checks the login password for a change that needs more than a session (a wrong one counts as a wrong sign-in).</summary>
    [Alias("VerifyPassword")]
    Task VerifyPassword(string password);

    /// <summary>Recovery: the new login password, and signing in allowed again (the identity check is the caller's).</summary>
    [Alias("Reopen")]
    Task Reopen(string newPassword);

    /// <summary>The account closed: the password, the code and every session are gone. Closing again changes nothing.</summary>
    [Alias("Close")]
    Task Close();
}
