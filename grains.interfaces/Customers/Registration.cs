using Wallet.Identity;

namespace Wallet.Customers;

/// <summary>A request to open a customer on a phone number with a login password.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.Registration")]
public sealed record Registration(
    [property: Id(0)] string Password,
    [property: Id(1)] CustomerRole Role,
    [property: Id(2)] IdempotentRequest Request)
{
    public override string ToString() => $"Registration {{ Role = {Role} }}";
}

[GenerateSerializer, Immutable, Alias("Wallet.CustomerRegistered")]
public sealed record CustomerRegistered([property: Id(0)] string CustomerId, [property: Id(1)] int Tier);

public enum CustomerRole
{
    Customer = 0,
    Operator = 1,
}
