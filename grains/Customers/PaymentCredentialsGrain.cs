using Microsoft.Extensions.Options;
using Wallet.Credentials;
using Wallet.Events;
using Wallet.Hosting;
using Wallet.Limits;
using Wallet.Refusals;
using Wallet.Wallets;

namespace Wallet.Customers;

/// <summary>
/// The payment PIN, locked after too many wrong tries in a row, and its reset by a texted code plus the
/// identity number on record. Failures are counted in stored state, so neither a restart nor another silo
/// forgets them; the grain is not reentrant, so concurrent guesses are counted one by one.
/// </summary>
public sealed partial class PaymentCredentialsGrain(
    [PersistentState("payment-credentials", StorageNames.Wallet)] IPersistentState<PaymentCredentialsState> credentialsState,
    SecretHasher hasher,
    LimitSchedule limits,
    IOptions<CredentialOptions> credentials,
    IWalletEventPublisher publisher,
    ILogger<PaymentCredentialsGrain> logger,
    [FromKeyedServices(WalletClock.Key)] TimeProvider clock)
    : Grain, IPaymentCredentialsGrain
{
    private readonly RememberedSecret _pin = new(hasher);
    private CustomerOutbox<PaymentCredentialsState>? _outbox;

    private string CustomerId => this.GetPrimaryKeyString();

    /// <summary>The record starts with the first PIN or device; only a closed account's is gone.</summary>
    private PaymentCredentialsState State => credentialsState.State.ClosedAt is null ? credentialsState.State : throw WalletRefusedException.NotFound("The customer");

    private CustomerOutbox<PaymentCredentialsState> Outbox => _outbox ??= new(credentialsState, CustomerId, publisher, logger, clock);

    public override Task OnActivateAsync(CancellationToken cancellationToken) => Outbox.PublishLeftOver();

    public async Task SetPaymentPin(string pin, string? currentPin)
    {
        var state = State;
        if (state.PinHash is not null)
        {
            // Changing the PIN proves the old one, and a wrong one counts like a wrong payment.
            await CheckPin(currentPin ?? throw new WalletRefusedException(RefusalCodes.InvalidPin, "Give the current payment PIN to change it."), state.PinHash);
        }
        state.PinHash = await hasher.HashAsync(pin);
        await credentialsState.WriteStateAsync();
    }

    public Task<bool> HasPaymentPin() => Task.FromResult(State.PinHash is not null);

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
                await credentialsState.WriteStateAsync();
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
        Outbox.Record((id, who, at) => new PinFailed(id, who, at, left <= 0));
        await Outbox.SaveAndPublish();
        throw refused;
    }

    private static WalletRefusedException PinLocked(DateTimeOffset until)
        => new(RefusalCodes.PinLocked, $"Too many wrong payment PINs: payments are locked until {until:yyyy-MM-dd HH:mm:ss zzz}, or reset the PIN.")
        {
            RemainingAttempts = 0,
            LockedUntil = until,
        };

    /// <summary>The texted code (and, once verified, the identity number) proves the customer; a PIN lock lifts.</summary>
    public async Task ResetPaymentPin(string code, string? idNumber, string newPin)
    {
        var state = State;
        await Access.SpendCode(CodePurpose.PaymentPin, code, idNumber);
        state.PinHash = await hasher.HashAsync(newPin);
        (state.PinFailures, state.PinLockedUntil) = (0, null);
        await credentialsState.WriteStateAsync();
    }

    public async Task ReplacePinOnRecovery(string newPin)
    {
        var state = State;
        state.PinHash = await hasher.HashAsync(newPin);
        (state.PinFailures, state.PinLockedUntil) = (0, null);
        await credentialsState.WriteStateAsync();
    }

    public async Task SendUnfreezeCode(string walletId)
    {
        await OwnWallet(walletId);
        await Access.SendCode(CodePurpose.Unfreeze);
    }

    public async Task<WalletView> UnfreezeWallet(string walletId, string pin, string code)
    {
        await OwnWallet(walletId);
        await VerifyPaymentPin(pin);
        await Access.SpendCode(CodePurpose.Unfreeze, code, idNumber: null);
        return await GrainFactory.GetGrain<IWalletStatusGrain>(walletId).Unfreeze(CustomerId);
    }

    public async Task Close()
    {
        var state = credentialsState.State;
        if (state.ClosedAt is not null)
        {
            return;
        }
        state.PinHash = null;
        state.Devices.Clear();
        state.ClosedAt = clock.GetUtcNow();
        await credentialsState.WriteStateAsync();
    }

    /// <summary>Another's wallet, or none, is not found: the answer must not tell which.</summary>
    private async Task OwnWallet(string walletId)
    {
        if (await GrainFactory.GetGrain<IWalletGrain>(walletId).GetFacts() is not { } facts || facts.OwnerId != CustomerId)
        {
            throw WalletRefusedException.NotFound("The wallet");
        }
    }

    private ICustomerAccessGrain Access => GrainFactory.GetGrain<ICustomerAccessGrain>(CustomerId);
}
