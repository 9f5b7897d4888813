using Wallet.Refusals;

namespace Wallet.Customers;

/// <summary>
/// A report of loss shuts signing in: every session ends at once (the next request of a stolen token is refused, as
/// each request asks <see cref="IsSessionLive"/>) and a right password no longer signs in, until recovery sets a new one.
/// </summary>
public sealed partial class CustomerAccessGrain
{
    public async Task<int> ShutForLoss(string? password)
    {
        var state = State;
        if (password is not null)
        {
            var outcome = await SignIn(password, startSession: false);
            if (outcome.LockedUntil is { } until)
            {
                throw new WalletRefusedException(RefusalCodes.LoginLocked, $"Too many wrong passwords: try again after {until:u}, or report with a texted code.");
            }
            if (outcome.Session is null && !outcome.ReportedLost)
            {
                throw new WalletRefusedException(RefusalCodes.InvalidCredentials, "The phone number or password is wrong.");
            }
        }
        var ended = state.Sessions.Count;
        if (ended == 0 && state.ReportedLostAt is not null)
        {
            return 0;
        }
        state.ReportedLostAt ??= clock.GetUtcNow();
        state.Sessions.Clear();
        state.SmsCode = null; // a reset code already texted to a stolen phone must not outlive the report
        await access.WriteStateAsync();
        return ended;
    }

    public async Task VerifyPassword(string password)
    {
        var outcome = await SignIn(password, startSession: false);
        if (outcome.LockedUntil is { } until)
        {
            throw new WalletRefusedException(RefusalCodes.LoginLocked, $"Too many wrong passwords: try again after {until:u}.");
        }
        if (outcome.Session is null)
        {
            throw new WalletRefusedException(RefusalCodes.InvalidCredentials, "The password is wrong.");
        }
    }

    public async Task Reopen(string newPassword)
    {
        var state = State;
        state.PasswordHash = await hasher.HashAsync(newPassword);
        (state.LoginFailures, state.LoginLockedUntil, state.ReportedLostAt) = (0, null, null);
        state.Sessions.Clear();
        await access.WriteStateAsync();
    }

    /// <summary>A reported account is recovered, not reset: a reset by a code texted to a stolen phone would hand it back to the thief.</summary>
    private void RefuseWhileReported()
    {
        if (State.ReportedLostAt is not null)
        {
            throw new WalletRefusedException(RefusalCodes.AccountReportedLost, "This account is reported lost or stolen: recover it (POST /v1/recovery) instead.");
        }
    }
}
