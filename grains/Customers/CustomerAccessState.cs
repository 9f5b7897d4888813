using Wallet.Credentials;

namespace Wallet.Customers;

/// <summary>What signing in needs and nothing more: every authenticated request reads this grain.</summary>
[GenerateSerializer, Alias("Wallet.CustomerAccessState")]
public sealed class CustomerAccessState : IHoldsCustomerEvents
{
    /// <summary>Where codes are texted; null once the account is closed.</summary>
    [Id(0)] public string? Phone { get; set; }
    [Id(1)] public CustomerRole Role { get; set; }
    [Id(2)] public string PasswordHash { get; set; } = "";
    [Id(3)] public int LoginFailures { get; set; }
    [Id(4)] public DateTimeOffset? LoginLockedUntil { get; set; }

    /// <summary>The code last texted to the customer (a reset, an unfreeze), while it is outstanding.</summary>
    [Id(5)] public OneTimeCode? SmsCode { get; set; }

    /// <summary>Signed-in sessions by id; ending one (logout, a reused refresh token) or all (a new password) removes them.</summary>
    [Id(6)] public Dictionary<string, Session> Sessions { get; set; } = [];

    /// <summary>Events written with the change they report and not yet published (see <see cref="CustomerOutbox{TState}"/>).</summary>
    [Id(7)] public List<Events.WalletEvent> Outbox { get; set; } = [];

    [Id(8)] public DateTimeOffset? ClosedAt { get; set; }

    /// <summary>When the phone or account was reported lost: from then until recovery nobody signs in, however right the password.</summary>
    [Id(9)] public DateTimeOffset? ReportedLostAt { get; set; }
}
