namespace Wallet.Customers;

/// <summary>
/// The customer's profile. What signing in needs is <see cref="CustomerAccessState"/>, the PIN and devices
/// <see cref="PaymentCredentialsState"/>, codes and coupons <see cref="PayerState"/>, cards <see cref="CardholderState"/>;
/// the ids of fields that moved there (1, 2, 7, 8, 13–18, 20, 22–25, 33) are not used again.
/// </summary>
[GenerateSerializer, Alias("Wallet.CustomerState")]
public sealed class CustomerState
{
    [Id(0)] public string? Phone { get; set; }
    [Id(3)] public CustomerRole Role { get; set; }
    [Id(4)] public int Tier { get; set; } = CustomerTiers.Lowest;
    [Id(5)] public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Every wallet the customer opened, closed ones too (each named by its opening request's idempotency key).</summary>
    [Id(6)] public List<string> WalletIds { get; set; } = [];

    /// <summary>The verified name; null until real-name verification.</summary>
    [Id(9)] public string? RealName { get; set; }

    /// <summary>The identity number as a slow salted hash (checked again in reset flows), never in clear.</summary>
    [Id(10)] public string? IdNumberHash { get; set; }

    [Id(11)] public string? IdNumberMasked { get; set; }

    [Id(12)] public List<TierChange> TierHistory { get; set; } = [];

    /// <summary>When the customer closed their account: personal data is gone, the ledger's entries stay.</summary>
    [Id(19)] public DateTimeOffset? ClosedAt { get; set; }

    /// <summary>The verified number's key in the identity directory (a keyed hash), released when the account closes.</summary>
    [Id(21)] public string? IdentityKey { get; set; }

    /// <summary>
    /// The customer's restriction, as their risk monitor decided it: held here, where everyone asks for it; every
    /// wallet caches it (<c>OwnerRestriction</c>) for the checks inside a debit's or credit's transaction.
    /// </summary>
    [Id(26)] public Risk.Restriction Restriction { get; set; }
}
