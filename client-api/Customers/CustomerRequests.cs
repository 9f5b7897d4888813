namespace Wallet.ClientApi.Customers;

public sealed record RegisterRequest(string? Phone, string? Password);

public sealed record TokenRequest(string? Phone, string? Password);

public sealed record PaymentPinRequest(string? Pin, string? CurrentPin);

public sealed record VerificationRequest(string? Name, string? IdNumber);
