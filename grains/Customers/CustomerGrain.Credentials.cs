using Wallet.Credentials;
using Wallet.Events;
using Wallet.Refusals;

namespace Wallet.Customers;

/// <summary>
/// The customer's secrets: the login password and the payment PIN, each locked after too many wrong
/// tries in a row, and their resets by an SMS code plus the identity number on record. Failures are
/// counted in stored state, so neither a restart nor another silo forgets them; the grain is not
/// reentrant, so concurrent guesses are counted one by one.
/// </summary>
public sealed partial class CustomerGrain
{
    private readonly RememberedSecret _pin = new(hasher);

    public Task<SignInOutcome> SignIn(string password, GeoPoint? location) => SignIn(password, startSession: true, location);

    private async Task<SignInOutcome> SignIn(string password, bool startSession, GeoPoint? location = null)
    {
        if (!customer.RecordExists)
        {
            return SignInOutcome.Refused;
        }
        var state = customer.State;
        var now = clock.GetUtcNow();
        if (state.LoginLockedUntil > now)
        {
            return new SignInOutcome(null, state.LoginLockedUntil);
        }
        if (await hasher.VerifyAsync(password, state.PasswordHash))
        {
            var session = startSession ? StartSession() : null;
            if (startSession || state.LoginFailures > 0)
            {
                state.LoginFailures = 0;
                if (startSession)
                {
                    Record((id, who, at) => new LoginSucceeded(id, who, at, location));
                }
                await SaveAndPublish();
            }
            return new SignInOutcome(session ?? new SignedIn(this.GetPrimaryKeyString(), state.Role, "", "", default));
        }
        var locked = ++state.LoginFailures >= credentials.Value.LoginAttempts;
        if (locked)
        {
            (state.LoginFailures, state.LoginLockedUntil) = (0, now + credentials.Value.LoginLockFor);
        }
        Record((id, who, at) => new LoginFailed(id, who, at, locked, location));
        await SaveAndPublish();
        return locked ? new SignInOutcome(null, state.LoginLockedUntil) : SignInOutcome.Refused;
    }

    public async Task SetPaymentPin(string pin, string? currentPin)
    {
        var state = State;
        if (state.PinHash is not null)
        {
            // Changing the PIN proves the old one, and a wrong one counts like a wrong payment.
            await CheckPin(currentPin ?? throw new WalletRefusedException(RefusalCodes.InvalidPin, "Give the current payment PIN to change it."), state.PinHash);
        }
        state.PinHash = await hasher.HashAsync(pin);
        await customer.WriteStateAsync();
    }

    public Task VerifyPaymentPin(string pin) => CheckPaymentPin(pin, request: null);

    private Task CheckPaymentPin(string pin, string? request)
        => CheckPin(pin, State.PinHash ?? throw new WalletRefusedException(RefusalCodes.PinNotSet, "Set a payment PIN before moving money out."), request);

    /// <summary><paramref name="request"/>: the payment request the PIN is for; a wrong PIN's answer is remembered for its replays in the write that counts it.</summary>
    private async Task CheckPin(string pin, string hash, string? request = null)
    {
        var state = State;
        var now = clock.GetUtcNow();
        if (state.PinLockedUntil > now)
        {
            throw PinLocked(state.PinLockedUntil.Value);
        }
        if (await _pin.VerifyAsync(pin, hash))
        {
            if (state.PinFailures > 0)
            {
                state.PinFailures = 0;
                await customer.WriteStateAsync();
            }
            return;
        }
        var left = credentials.Value.PinAttempts - ++state.PinFailures;
        if (left <= 0)
        {
            state.PinFailures = 0;
            state.PinLockedUntil = credentials.Value.PinLockFor is { } lockFor ? now + lockFor : limits.NextDayStart(now);
        }
        var refused = left <= 0
            ? PinLocked(state.PinLockedUntil!.Value)
            : new WalletRefusedException(RefusalCodes.InvalidPin, $"The payment PIN is wrong; {left} more wrong and payments lock.") { RemainingAttempts = left };
        if (request is not null)
        {
            RefusedAuthorisations.Remember(state.RefusedAuthorisations, request, refused);
        }
        Record((id, who, at) => new PinFailed(id, who, at, left <= 0));
        await SaveAndPublish();
        throw refused;
    }

    private static WalletRefusedException PinLocked(DateTimeOffset until)
        => new(RefusalCodes.PinLocked, $"Too many wrong payment PINs: payments are locked until {until:yyyy-MM-dd HH:mm:ss zzz}, or reset the PIN.")
        {
            RemainingAttempts = 0,
            LockedUntil = until,
        };

    public async Task SendCode(CodePurpose purpose)
    {
        var state = State;
        var (code, digits) = await OneTimeCode.IssueAsync(purpose.ToString(), hasher, clock.GetUtcNow());
        state.SmsCode = code;
        await customer.WriteStateAsync();
        var what = purpose switch
        {
            CodePurpose.Password => "reset your login password",
            CodePurpose.PaymentPin => "reset your payment PIN",
            _ => "unfreeze your wallet",
        };
        await sms.Send(state.Phone!, $"[Wallet.Orleans] {digits} is your code to {what}. It expires in {OneTimeCode.Lifetime.TotalMinutes:0} minutes. Never share it.");
    }

    public async Task ResetPassword(string code, string? idNumber, string newPassword)
    {
        var state = State;
        await ProveReset(CodePurpose.Password, code, idNumber);
        state.PasswordHash = await hasher.HashAsync(newPassword);
        (state.LoginFailures, state.LoginLockedUntil) = (0, null);
        state.Sessions.Clear(); // whoever knew the old password is signed out everywhere
        await customer.WriteStateAsync();
    }

    public async Task ResetPaymentPin(string code, string? idNumber, string newPin)
    {
        var state = State;
        await ProveReset(CodePurpose.PaymentPin, code, idNumber);
        state.PinHash = await hasher.HashAsync(newPin);
        (state.PinFailures, state.PinLockedUntil) = (0, null);
        await customer.WriteStateAsync();
    }

    /// <summary>
    /// The reset code must be right, and a verified customer must also give their identity number: a
    /// stolen phone alone resets nothing. A wrong number spends one of the code's tries, like a wrong code.
    /// </summary>
    private Task ProveReset(CodePurpose purpose, string code, string? idNumber)
        => ProveCode(purpose, code, async state =>
        {
            if (state.IdNumberHash is not null && (idNumber is null || !await hasher.VerifyAsync(idNumber.ToUpperInvariant(), state.IdNumberHash)))
            {
                state.SmsCode!.FailedAttempts++;
                throw new WalletRefusedException(RefusalCodes.IdNumberMismatch, "The identity number does not match the one on record.");
            }
        });

    /// <summary>The outstanding code must be right and for <paramref name="purpose"/>, and <paramref name="alsoCheck"/> pass; then the code is spent.</summary>
    private async Task ProveCode(CodePurpose purpose, string code, Func<CustomerState, Task>? alsoCheck = null)
    {
        var state = State;
        var outstanding = state.SmsCode ?? throw new WalletRefusedException(RefusalCodes.InvalidVerificationCode, "Ask for a code first.");
        try
        {
            await outstanding.CheckAsync(purpose.ToString(), code, clock.GetUtcNow(), hasher);
            if (alsoCheck is not null)
            {
                await alsoCheck(state);
            }
        }
        catch (WalletRefusedException)
        {
            await customer.WriteStateAsync(); // the wrong try counts
            throw;
        }
        state.SmsCode = null;
    }
}
