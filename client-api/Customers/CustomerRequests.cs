namespace Wallet.ClientApi.Customers;

public sealed record RegisterRequest(string? Phone, string? Password);

public sealed record TokenRequest(string? Phone, string? Password);

public sealed record PaymentPinRequest(string? Pin, string? CurrentPin);

public sealed record VerificationRequest(string? Name, string? IdNumber);

public sealed record PasswordResetCodeRequest(string? Phone);

public sealed record PasswordResetRequest(string? Phone, string? Code, string? IdNumber, string? NewPassword);

public sealed record PinResetRequest(string? Code, string? IdNumber, string? Pin);

public sealed record RefreshRequest(string? RefreshToken);

public sealed record PasswordChangeRequest(string? CurrentPassword, string? NewPassword);

public sealed record DeviceRequest(string? PublicKey);
