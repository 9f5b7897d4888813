namespace Wallet.Customers;

/// <summary>What the phone directory hands a new customer grain.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.CustomerEnrolment")]
public sealed record CustomerEnrolment(
    [property: Id(0)] string Phone,
    [property: Id(1)] string Password,
    [property: Id(2)] CustomerRole Role)
{
    public override string ToString() => $"CustomerEnrolment {{ Role = {Role} }}";
}

[GenerateSerializer, Immutable, Alias("Wallet.SignedIn")]
public sealed record SignedIn([property: Id(0)] string CustomerId, [property: Id(1)] CustomerRole Role);
