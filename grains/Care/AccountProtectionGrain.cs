using Wallet.Credentials;
using Wallet.Customers;
using Wallet.Events;
using Wallet.Hosting;
using Wallet.Notifications;
using Wallet.Refusals;
using Wallet.Sms;

namespace Wallet.Care;

/// <summary>
/// The backup phone and the codes of a report or recovery. The report (<see cref="AccountProtectionGrain"/>'s other parts)
/// asks every other part of the customer in turn; this grain is not reentrant, so two reports at once are one after the other.
/// </summary>
public sealed partial class AccountProtectionGrain(
    [PersistentState("protection", StorageNames.Wallet)] IPersistentState<AccountProtectionState> protection,
    SecretHasher hasher,
    ISmsGateway sms,
    IWalletEventPublisher publisher,
    ILogger<AccountProtectionGrain> logger,
    [FromKeyedServices(WalletClock.Key)] TimeProvider clock)
    : Grain, IAccountProtectionGrain
{
    private StateOutbox<AccountProtectionState>? _outbox;

    private string CustomerId => this.GetPrimaryKeyString();

    private AccountProtectionState State => protection.State;

    private StateOutbox<AccountProtectionState> Outbox => _outbox ??= new(protection, CustomerId, publisher, logger);

    private ICustomerGrain Customer => GrainFactory.GetGrain<ICustomerGrain>(CustomerId);

    public override Task OnActivateAsync(CancellationToken cancellationToken) => Outbox.PublishLeftOver();

    public async Task SendBackupPhoneCode(string phone)
    {
        var profile = await Customer.GetProfile();
        if (profile.Phone == phone)
        {
            throw new WalletRefusedException(RefusalCodes.ValidationFailed, "The backup phone must be another number than the one you sign in with.");
        }
        await Text(phone, $"BackupPhone:{phone}", "make this number the backup of your wallet's account");
    }

    public async Task<ProtectionView> ConfirmBackupPhone(string phone, string code, string password)
    {
        await GrainFactory.GetGrain<ICustomerAccessGrain>(CustomerId).VerifyPassword(password);
        await SpendCode($"BackupPhone:{phone}", code);
        State.BackupPhone = phone;
        await protection.WriteStateAsync();
        var now = clock.GetUtcNow();
        await GrainFactory.GetGrain<INotificationInboxGrain>(CustomerId).Post(new Notification($"ntf_backup_{now.UtcTicks}", "backup_phone_set", "A backup phone was registered",
            $"Codes for reporting your account lost and recovering it may now go to {View().BackupPhoneMasked}. If this was not you, report your account lost at once.", now));
        return View();
    }

    public async Task SendCode(ProtectionPurpose purpose, CodeDestination to)
    {
        var phone = to == CodeDestination.Backup ? State.BackupPhone : (await Customer.GetProfile()).Phone;
        if (phone is null)
        {
            return; // no backup registered: nothing to text, and nothing said to whoever asked
        }
        await Text(phone, $"{purpose}:{to}", purpose == ProtectionPurpose.ReportLost ? "report your account lost or stolen" : "recover your account");
    }

    public async Task<ProtectionView> ApproveRecovery(string operatorId, string note, CodeDestination codeTo)
    {
        if (State.Open is null)
        {
            throw new WalletRefusedException(RefusalCodes.NotReportedLost, "The customer's account is not reported lost; there is nothing to recover.");
        }
        (State.RecoveryApprovedUntil, State.RecoveryApprovedBy, State.RecoveryApprovedTo) = (clock.GetUtcNow().AddDays(1), operatorId, codeTo);
        await protection.WriteStateAsync();
        return View();
    }

    public Task<ProtectionView> GetView() => Task.FromResult(View());

    private ProtectionView View()
        => new(State.BackupPhone is { } backup ? $"{backup[..Math.Min(6, backup.Length)]}****{backup[^2..]}" : null, State.Open, State.LastRecovered,
            State.RecoveryApprovedUntil > clock.GetUtcNow() ? State.RecoveryApprovedUntil : null);

    /// <summary>A new code for <paramref name="purpose"/> (replacing any outstanding), texted to <paramref name="phone"/>.</summary>
    private async Task Text(string phone, string purpose, string what)
    {
        var (code, digits) = await OneTimeCode.IssueAsync(purpose, hasher, clock.GetUtcNow());
        State.Code = code;
        await protection.WriteStateAsync();
        await sms.Send(phone, $"[Wallet.Orleans] {digits} is your code to {what}. It expires in {OneTimeCode.Lifetime.TotalMinutes:0} minutes. Never share it; the bank never asks for it.");
    }

    /// <summary>The outstanding code must be right and for <paramref name="purpose"/>; a wrong try is stored, a right one spent (stored by the caller's write).</summary>
    private async Task SpendCode(string purpose, string digits)
    {
        var outstanding = State.Code ?? throw new WalletRefusedException(RefusalCodes.InvalidVerificationCode, "Ask for a code first.");
        try
        {
            await outstanding.CheckAsync(purpose, digits, clock.GetUtcNow(), hasher);
        }
        catch (WalletRefusedException)
        {
            await protection.WriteStateAsync();
            throw;
        }
        State.Code = null;
    }

    /// <summary>Tells the customer's inbox (by id: a retry posts it once).</summary>
    private Task Tell(string suffix, string kind, string title, string body, string reportId)
        => GrainFactory.GetGrain<INotificationInboxGrain>(CustomerId).Post(new Notification($"ntf_{reportId}_{suffix}", kind, title, body, clock.GetUtcNow(), reportId));

    private void Record(Func<string, DateTimeOffset, WalletEvent> create)
        => State.Outbox.Add(create(Identity.Ids.New(Identity.IdPrefixes.Event), clock.GetUtcNow()));
}
