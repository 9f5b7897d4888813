using Wallet.Identity;
using Wallet.Refusals;

namespace Wallet.Customers;

/// <summary>Signed-in sessions: started by a right password, kept alive by rotating refresh tokens, ended by logout or a new password.</summary>
public sealed partial class CustomerGrain
{
    public Task<bool> IsSessionLive(string sessionId)
        => Task.FromResult(customer.RecordExists && customer.State.Sessions.TryGetValue(sessionId, out var session) && session.ExpiresAt > clock.GetUtcNow());

    public async Task<SignedIn?> Refresh(string sessionId, string secret)
    {
        if (!customer.RecordExists || !customer.State.Sessions.TryGetValue(sessionId, out var session))
        {
            return null;
        }
        var now = clock.GetUtcNow();
        if (session.ExpiresAt > now && session.IsCurrent(secret))
        {
            var fresh = session.Rotate(now + credentials.Value.RefreshTokenLifetime);
            await customer.WriteStateAsync();
            return SignedIn(sessionId, fresh, session.ExpiresAt);
        }
        if (session.ExpiresAt <= now || session.WasUsed(secret))
        {
            // An old token back again: someone holds a copy. End the session for both of them.
            customer.State.Sessions.Remove(sessionId);
            await customer.WriteStateAsync();
        }
        return null;
    }

    public async Task EndSession(string sessionId)
    {
        if (customer.RecordExists && customer.State.Sessions.Remove(sessionId))
        {
            await customer.WriteStateAsync();
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
        await customer.WriteStateAsync();
    }

    /// <summary>A new session; beyond the allowed number the oldest ends, and expired ones are dropped.</summary>
    private SignedIn StartSession()
    {
        var sessions = customer.State.Sessions;
        var now = clock.GetUtcNow();
        foreach (var (id, _) in sessions.Where(s => s.Value.ExpiresAt <= now).ToList())
        {
            sessions.Remove(id);
        }
        while (sessions.Count >= credentials.Value.MaxSessions)
        {
            sessions.Remove(sessions.MinBy(s => s.Value.StartedAt).Key);
        }
        var sessionId = Ids.New("ses");
        var session = new Session { StartedAt = now };
        var secret = session.Rotate(now + credentials.Value.RefreshTokenLifetime);
        sessions[sessionId] = session;
        return SignedIn(sessionId, secret, session.ExpiresAt);
    }

    private SignedIn SignedIn(string sessionId, string secret, DateTimeOffset expiresAt)
        => new(this.GetPrimaryKeyString(), customer.State.Role, sessionId, RefreshTokens.Format(this.GetPrimaryKeyString(), sessionId, secret), expiresAt);
}
