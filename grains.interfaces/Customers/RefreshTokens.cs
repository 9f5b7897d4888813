namespace Wallet.Customers;

/// <summary>
/// A refresh token is <c>customer.session.secret</c>: the API reads the customer from it to find the
/// grain that holds the session; only the secret's hash is stored.
/// </summary>
public static class RefreshTokens
{
    public static string Format(string customerId, string sessionId, string secret) => $"{customerId}.{sessionId}.{secret}";

    public static bool TryParse(string? token, out string customerId, out string sessionId, out string secret)
    {
        var parts = token?.Split('.') ?? [];
        (customerId, sessionId, secret) = parts.Length == 3 && parts.All(p => p.Length is > 0 and <= 100) ? (parts[0], parts[1], parts[2]) : ("", "", "");
        return customerId.Length > 0;
    }
}
