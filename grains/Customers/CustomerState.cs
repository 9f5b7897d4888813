using Wallet.Cards;
using Wallet.Credentials;
using Wallet.Identity;
using Wallet.Wallets;

namespace Wallet.Customers;

[GenerateSerializer, Alias("Wallet.CustomerState")]
public sealed class CustomerState
{
    [Id(0)] public string? Phone { get; set; }
    [Id(1)] public string PasswordHash { get; set; } = "";
    [Id(2)] public string? PinHash { get; set; }
    [Id(3)] public CustomerRole Role { get; set; }
    [Id(4)] public int Tier { get; set; } = CustomerTiers.Lowest;
    [Id(5)] public DateTimeOffset CreatedAt { get; set; }
    [Id(6)] public List<string> WalletIds { get; set; } = [];
    [Id(7)] public Dictionary<string, string> CardTokens { get; set; } = [];
    [Id(8)] public Dictionary<string, Creation> Creations { get; set; } = [];

    /// <summary>The verified name; null until real-name verification.</summary>
    [Id(9)] public string? RealName { get; set; }

    /// <summary>The identity number as a slow salted hash (checked again in reset flows), never in clear.</summary>
    [Id(10)] public string? IdNumberHash { get; set; }

    [Id(11)] public string? IdNumberMasked { get; set; }

    [Id(12)] public List<TierChange> TierHistory { get; set; } = [];

    /// <summary>Wrong PINs since the last right one; at the configured count payments lock until <see cref="PinLockedUntil"/>.</summary>
    [Id(13)] public int PinFailures { get; set; }
    [Id(14)] public DateTimeOffset? PinLockedUntil { get; set; }
    [Id(15)] public int LoginFailures { get; set; }
    [Id(16)] public DateTimeOffset? LoginLockedUntil { get; set; }

    /// <summary>The code last texted to the customer (a reset, an unfreeze), while it is outstanding.</summary>
    [Id(17)] public OneTimeCode? SmsCode { get; set; }

    /// <summary>Signed-in sessions by id; ending one (logout, a reused refresh token) or all (a new password) removes them.</summary>
    [Id(18)] public Dictionary<string, Session> Sessions { get; set; } = [];

    /// <summary>When the customer closed their account: personal data is gone, the ledger's entries stay.</summary>
    [Id(19)] public DateTimeOffset? ClosedAt { get; set; }

    /// <summary>Registered device keys by device id, for biometric payment.</summary>
    [Id(20)] public Dictionary<string, DeviceKey> Devices { get; set; } = [];

    /// <summary>The verified number's key in the identity directory (a keyed hash), released when the account closes.</summary>
    [Id(21)] public string? IdentityKey { get; set; }

    /// <summary>Code payments today: past the day's allowance, each further charge waits for the customer's confirmation.</summary>
    [Id(22)] public CodePaymentCount? CodePayments { get; set; }

    /// <summary>Merchants' charges waiting for the customer to confirm, by payment id.</summary>
    [Id(23)] public Dictionary<string, Merchants.PendingCharge> PendingCharges { get; set; } = [];

    /// <summary>Coupons merchants issued to the customer, oldest first (each coupon's own grain knows whether it is used).</summary>
    [Id(24)] public List<string> CouponIds { get; set; } = [];

    /// <summary>Events written with the change they report and not yet published (see CustomerGrain.Events).</summary>
    [Id(25)] public List<Events.WalletEvent> Outbox { get; set; } = [];

    /// <summary>The rung of the risk ladder the customer's monitor put them on; every wallet's book carries it too.</summary>
    [Id(26)] public Risk.RiskAction Restriction { get; set; }

    /// <summary>The latest payment requests refused by their PIN or device signature, each with its answer: a replay gets it again.</summary>
    [Id(33)] public List<RefusedAuthorisation> RefusedAuthorisations { get; set; } = [];
}

/// <summary>What a creating request with an idempotency key produced: replays answer with the same view.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.Creation")]
public sealed record Creation(
    [property: Id(0)] IdempotentRequest Request,
    [property: Id(1)] WalletView? Wallet,
    [property: Id(2)] CardView? Card);
