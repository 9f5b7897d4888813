namespace Wallet.Web.Api;

// What the app sends and reads, as the API's OpenAPI document names them (only the fields the pages use are read;
// the API's answers carry more, which the reader ignores).

public sealed record SignInRequest(string Phone, string Password);

public sealed record WebSessionView(string CustomerId, string Role, string CsrfToken, int ExpiresIn);

public sealed record RegisterRequest(string Phone, string Password);

public sealed record Me(string CustomerId, string Phone, int Tier, string Role, bool HasPaymentPin, string? RealName, string? IdNumber, string Restriction);

public sealed record VerificationRequest(string Name, string IdNumber);

public sealed record PaymentPinRequest(string Pin);

public sealed record Device(string DeviceId, DateTimeOffset RegisteredAt);

public sealed record Notification(string NotificationId, string Kind, string Title, string Body, DateTimeOffset CreatedAt, string? Reference);

public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);
