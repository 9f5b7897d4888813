using Wallet.Display;
using Wallet.Refusals;

namespace Wallet.Merchants;

/// <summary>
/// A merchant's name (up to 25 characters) and city (up to 15), as payers read them and as the QR
/// code carries them: shown text (<see cref="DisplayText"/>), and where either is not in EMVCo's common
/// character set, a Latin form of it in printable ASCII for tags 59 and 60.
/// </summary>
public static class MerchantNames
{
    public const int NameLength = 25;
    public const int CityLength = 15;

    /// <summary>Whether <paramref name="text"/> needs a Latin form beside it (it is not printable ASCII).</summary>
    public static bool NeedsLatin(string? text) => text is not null && !DisplayText.IsCommonCharacterSet(text);

    /// <summary>A Latin form: 1 to <paramref name="maxLength"/> printable ASCII characters.</summary>
    public static bool IsLatin(string? text, int maxLength)
        => text is { Length: > 0 } && text.Length <= maxLength && DisplayText.IsCommonCharacterSet(text) && text.Trim().Length > 0;

    /// <summary>The grain's guard: the same rules the API checks field by field.</summary>
    public static void Check(MerchantApplication application)
    {
        foreach (var text in new[] { application.Name, application.City, application.NameLatin, application.CityLatin, application.SettlementCardHolder })
        {
            if (text is not null && !DisplayText.IsSafe(text))
            {
                throw new WalletRefusedException(RefusalCodes.InvalidText, DisplayText.Refused);
            }
        }
        if (!DisplayText.IsValid(application.Name, NameLength) || !DisplayText.IsValid(application.City, CityLength)
            || ((NeedsLatin(application.Name) || application.NameLatin is not null) && !IsLatin(application.NameLatin, NameLength))
            || ((NeedsLatin(application.City) || application.CityLatin is not null) && !IsLatin(application.CityLatin, CityLength)))
        {
            throw new WalletRefusedException(RefusalCodes.ValidationFailed,
                $"A name of 1 to {NameLength} characters and a city of 1 to {CityLength}; either not in printable ASCII comes with a Latin form that is.");
        }
    }
}
