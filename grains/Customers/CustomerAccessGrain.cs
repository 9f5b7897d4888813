using Microsoft.Extensions.Options;
using Wallet.Credentials;
using Wallet.Events;
using Wallet.Hosting;
using Wallet.Identity;
using Wallet.Refusals;
using Wallet.Sms;

namespace Wallet.Customers;

/// <summary>
/// The login password and signed-in sessions: started by a right password, kept alive by rotating refresh
/// tokens, ended by logout or a new password. Wrong passwords are counted in stored state, so neither a
/// restart nor another silo forgets them; the grain is not reentrant, so concurrent guesses are counted one
/// by one. Hashing runs off the grain scheduler (see <see cref="SlowHashing"/>).
/// </summary>
public sealed partial class CustomerAccessGrain(
    [PersistentState("customer-access", StorageNames.Wallet)] IPersistentState<CustomerAccessState> access,
    SecretHasher hasher,
    IOptions<CredentialOptions> credentials,
    ISmsGateway sms,
    IWalletEventPublisher publisher,
    ILogger<CustomerAccessGrain> logger,
    [FromKeyedServices(WalletClock.Key)] TimeProvider clock)
    : Grain, ICustomerAccessGrain
{
    private CustomerOutbox<CustomerAccessState>? _outbox;

    private string CustomerId => this.GetPrimaryKeyString();

    private CustomerAccessState State => IsOpen ? access.State : throw WalletRefusedException.NotFound("The customer");

    private bool IsOpen => access.RecordExists && access.State.ClosedAt is null;

    private CustomerOutbox<CustomerAccessState> Outbox => _outbox ??= new(access, CustomerId, publisher, logger, clock);

    public override Task OnActivateAsync(CancellationToken cancellationToken) => Outbox.PublishLeftOver();

    public async Task Enrol(CustomerEnrolment enrolment)
    {
        if (access.RecordExists)
        {
            return;
        }
        access.State = new CustomerAccessState
        {
            Phone = enrolment.Phone,
            PasswordHash = await hasher.HashAsync(enrolment.Password),
            Role = enrolment.Role,
        };
        await access.WriteStateAsync();
    }

    public Task<SignInOutcome> SignIn(string password, GeoPoint? location) => SignIn(password, startSession: true, location);

    private async Task<SignInOutcome> SignIn(string password, bool startSession, GeoPoint? location = null)
    {
        if (!IsOpen)
        {
            return SignInOutcome.Refused;
        }
        var state = access.State;
        var now = clock.GetUtcNow();
        if (state.LoginLockedUntil > now)
        {
            return new SignInOutcome(null, state.LoginLockedUntil);
        }
        if (await hasher.VerifyAsync(password, state.PasswordHash))
        {
            if (state.ReportedLostAt is not null)
            {
                return new SignInOutcome(null, ReportedLost: true); // told only to one who knows the password
            }
            var session = startSession ? StartSession() : null;
            if (startSession || state.LoginFailures > 0)
            {
                state.LoginFailures = 0;
                if (startSession)
                {
                    Outbox.Record((id, who, at) => new LoginSucceeded(id, who, at, location));
                }
                await Outbox.SaveAndPublish();
            }
            return new SignInOutcome(session ?? new SignedIn(CustomerId, state.Role, "", "", default));
        }
        var locked = ++state.LoginFailures >= credentials.Value.LoginAttempts;
        if (locked)
        {
            (state.LoginFailures, state.LoginLockedUntil) = (0, now + credentials.Value.LoginLockFor);
        }
        Outbox.Record((id, who, at) => new LoginFailed(id, who, at, locked, location));
        await Outbox.SaveAndPublish();
        return locked ? new SignInOutcome(null, state.LoginLockedUntil) : SignInOutcome.Refused;
    }

    public Task<bool> IsSessionLive(string sessionId)
        => Task.FromResult(access.RecordExists && access.State.Sessions.TryGetValue(sessionId, out var session) && session.ExpiresAt > clock.GetUtcNow());

    public async Task<SignedIn?> Refresh(string sessionId, string secret)
    {
        if (!access.RecordExists || !access.State.Sessions.TryGetValue(sessionId, out var session))
        {
            return null;
        }
        var now = clock.GetUtcNow();
        if (session.ExpiresAt > now && session.IsCurrent(secret))
        {
            var fresh = session.Rotate(now + credentials.Value.RefreshTokenLifetime);
            await access.WriteStateAsync();
            return SignedIn(sessionId, fresh, session.ExpiresAt);
        }
        if (session.ExpiresAt <= now || session.WasUsed(secret))
        {
            // An old token back again: someone holds a copy. End the session for both of them.
            access.State.Sessions.Remove(sessionId);
            await access.WriteStateAsync();
        }
        return null;
    }

    public async Task EndSession(string sessionId)
    {
        if (access.RecordExists && access.State.Sessions.Remove(sessionId))
        {
            await access.WriteStateAsync();
        }
    }

    public async Task ChangePassword(string currentPassword, string newPassword)
    {
        var state = State;
        if ((await SignIn(currentPassword, startSession: false)).Session is null)
        {
            throw new WalletRefusedException(RefusalCodes.InvalidCredentials, "The current password is wrong.");
        }
        state.PasswordHash = await hasher.HashAsync(newPassword);
        state.Sessions.Clear(); // every session, this one too, signs in again with the new password
        await access.WriteStateAsync();
    }

    public Task<IReadOnlyList<SessionSummary>> ListSessions()
        => Task.FromResult<IReadOnlyList<SessionSummary>>([.. State.Sessions.Select(s => new SessionSummary(s.Key, s.Value.StartedAt, s.Value.ExpiresAt))]);

    public async Task Close()
    {
        if (!IsOpen)
        {
            return;
        }
        var state = access.State;
        state.Phone = null;
        state.PasswordHash = "";
        state.SmsCode = null;
        state.Sessions.Clear();
        state.ClosedAt = clock.GetUtcNow();
        await access.WriteStateAsync();
    }

    /// <summary>A new session; beyond the allowed number the oldest ends, and expired ones are dropped.</summary>
    private SignedIn StartSession()
    {
        var sessions = access.State.Sessions;
        var now = clock.GetUtcNow();
        foreach (var (id, _) in sessions.Where(s => s.Value.ExpiresAt <= now).ToList())
        {
            sessions.Remove(id);
        }
        while (sessions.Count >= credentials.Value.MaxSessions)
        {
            sessions.Remove(sessions.MinBy(s => s.Value.StartedAt).Key);
        }
        var sessionId = Ids.New(IdPrefixes.Session);
        var session = new Session { StartedAt = now };
        var secret = session.Rotate(now + credentials.Value.RefreshTokenLifetime);
        sessions[sessionId] = session;
        return SignedIn(sessionId, secret, session.ExpiresAt);
    }

    private SignedIn SignedIn(string sessionId, string secret, DateTimeOffset expiresAt)
        => new(CustomerId, access.State.Role, sessionId, RefreshTokens.Format(CustomerId, sessionId, secret), expiresAt);
}
