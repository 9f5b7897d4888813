namespace Wallet.ClientApi.Http;

/// <summary>Phone numbers in E.164; a bare 11-digit mainland mobile number is taken as +86.</summary>
public static class Phones
{
    /// <summary>The customer registered with the number, or null (an invalid number is no one's).</summary>
    public static async Task<string?> CustomerOf(IGrainFactory grains, string? phoneNumber)
        => Normalize(phoneNumber) is { } phone ? await grains.GetGrain<Wallet.Customers.IPhoneDirectoryGrain>(phone).FindCustomer() : null;

    public static string? Normalize(string? phone)
    {
        var text = phone?.Trim().Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (text is { Length: 11 } && text[0] == '1' && text.All(char.IsAsciiDigit))
        {
            return "+86" + text;
        }
        if (text is { Length: >= 8 and <= 15 } && text[0] != '0' && text.All(char.IsAsciiDigit))
        {
            // E.164 without its plus, as a '+' in a query string arrives (decoded to a space, then trimmed).
            text = "+" + text;
        }
        return text is { Length: >= 9 and <= 16 } && text[0] == '+' && text[1] != '0' && text[1..].All(char.IsAsciiDigit) ? text : null;
    }
}
