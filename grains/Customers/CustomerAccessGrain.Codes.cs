using Wallet.Credentials;
using Wallet.Refusals;

namespace Wallet.Customers;

/// <summary>
/// The one code texted to the customer's phone (a password or PIN reset, an unfreeze), and the password
/// reset it proves. A verified customer's reset also needs the identity number, which the profile holds.
/// </summary>
public sealed partial class CustomerAccessGrain
{
    public async Task SendCode(CodePurpose purpose)
    {
        var state = State;
        var (code, digits) = await OneTimeCode.IssueAsync(purpose.ToString(), hasher, clock.GetUtcNow());
        state.SmsCode = code;
        await access.WriteStateAsync();
        var what = purpose switch
        {
            CodePurpose.Password => "reset your login password",
            CodePurpose.PaymentPin => "reset your payment PIN",
            CodePurpose.Unfreeze => "unfreeze your wallet",
        };
        await sms.Send(state.Phone!, $"[Wallet.Orleans] {digits} is your code to {what}. It expires in {OneTimeCode.Lifetime.TotalMinutes:0} minutes. Never share it.");
    }

    public async Task ResetPassword(string code, string? idNumber, string newPassword)
    {
        var state = State;
        RefuseWhileReported();
        await ProveCode(CodePurpose.Password, code, idNumber);
        state.PasswordHash = await hasher.HashAsync(newPassword);
        (state.LoginFailures, state.LoginLockedUntil) = (0, null);
        state.Sessions.Clear(); // whoever knew the old password is signed out everywhere
        await access.WriteStateAsync();
    }

    public async Task SpendCode(CodePurpose purpose, string code, string? idNumber)
    {
        await ProveCode(purpose, code, idNumber);
        await access.WriteStateAsync();
    }

    /// <summary>
    /// The outstanding code must be right and for <paramref name="purpose"/>; then it is spent (in memory: the
    /// caller's write stores it). For a reset, a verified customer must also give their identity number: a
    /// stolen phone alone resets nothing. A wrong number spends one of the code's tries, like a wrong code.
    /// </summary>
    private async Task ProveCode(CodePurpose purpose, string code, string? idNumber)
    {
        var state = State;
        var outstanding = state.SmsCode ?? throw new WalletRefusedException(RefusalCodes.InvalidVerificationCode, "Ask for a code first.");
        try
        {
            await outstanding.CheckAsync(purpose.ToString(), code, clock.GetUtcNow(), hasher);
            if (purpose != CodePurpose.Unfreeze && !await GrainFactory.GetGrain<ICustomerGrain>(CustomerId).MatchesIdNumber(idNumber))
            {
                outstanding.FailedAttempts++;
                throw new WalletRefusedException(RefusalCodes.IdNumberMismatch, "The identity number does not match the one on record.");
            }
        }
        catch (WalletRefusedException)
        {
            await access.WriteStateAsync(); // the wrong try counts
            throw;
        }
        state.SmsCode = null;
    }
}
