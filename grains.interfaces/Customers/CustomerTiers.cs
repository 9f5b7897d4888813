namespace Wallet.Customers;

/// <summary>Real-name tiers as the e-CNY wallet numbers them: 4 is a phone number only, 1 is verified in person.</summary>
public static class CustomerTiers
{
    public const int Lowest = 4;

    /// <summary>Name and identity number checked against the identity service.</summary>
    public const int RealName = 3;

    /// <summary>Real name, and a debit card bound in that same name.</summary>
    public const int DebitCard = 2;

    /// <summary>Verified in person by an operator: no limits.</summary>
    public const int InPerson = 1;

    public static bool IsValid(int tier) => tier is >= InPerson and <= Lowest;
}

/// <summary>A change of a customer's tier, kept for the record: upgrades and downgrades alike.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.TierChange")]
public sealed record TierChange(
    [property: Id(0)] int From,
    [property: Id(1)] int To,
    [property: Id(2)] string Reason,
    [property: Id(3)] DateTimeOffset At);
